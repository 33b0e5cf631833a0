package org.learningcities.contracts.registration;

import java.time.Instant;
import java.util.List;

import org.learningcities.contracts.IntegrationEvent;

/** The secretariat approved a delegate: they may enrol in sessions and receive a badge. Public, no contact data. */
public record DelegateApproved(
        String registrationId,
        String conferenceId,
        String category,
        List<String> listeningLanguages,
        Instant approvedAt) implements IntegrationEvent {

    public DelegateApproved {
        listeningLanguages = List.copyOf(listeningLanguages);
    }

    @Override
    public String subject() {
        return registrationId;
    }
}
