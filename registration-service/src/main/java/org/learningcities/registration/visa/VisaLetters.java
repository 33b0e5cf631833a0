package org.learningcities.registration.visa;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.learningcities.registration.conference.KnownConferences;
import org.learningcities.registration.visa.VisaLetterCipher.Sealed;
import org.learningcities.web.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Visa-letter requests, kept encrypted and erased on request. */
@Service
public class VisaLetters {

    private final JdbcClient jdbc;
    private final VisaLetterCipher cipher;
    private final KnownConferences conferences;
    private final JsonMapper json;
    private final Clock clock;

    VisaLetters(JdbcClient jdbc, VisaLetterCipher cipher, KnownConferences conferences, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.conferences = conferences;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores the request with the registration it belongs to. Runs in the registering transaction so a
     * refused passport leaves no registration behind, and a stored registration never loses its request.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void store(String registrationId, String conferenceId, VisaLetterRequest request) {
        conferences.endDate(conferenceId)
                .filter(lastDay -> !request.passportExpiry().isAfter(lastDay))
                .ifPresent(lastDay -> {
                    throw Problems.invalidField("visaLetter.passportExpiry",
                            "must be after the conference's last day, " + lastDay);
                });
        Sealed sealed = cipher.seal(json.writeValueAsBytes(request), registrationId);
        jdbc.sql("insert into visa_letter_request (registration_id, nonce, ciphertext, requested_at) values (?, ?, ?, ?)")
                .params(registrationId, sealed.nonce(), sealed.ciphertext(), Timestamp.from(clock.instant()))
                .update();
    }

    Optional<VisaLetterRequest> find(String registrationId) {
        return jdbc.sql("select nonce, ciphertext from visa_letter_request where registration_id = ?")
                .param(registrationId)
                .query((rs, row) -> new Sealed(rs.getBytes("nonce"), rs.getBytes("ciphertext")))
                .optional()
                .map(sealed -> json.readValue(cipher.open(sealed, registrationId), VisaLetterRequest.class));
    }

    /** @return false if there was nothing to erase */
    boolean erase(String registrationId) {
        return jdbc.sql("delete from visa_letter_request where registration_id = ?")
                .param(registrationId)
                .update() == 1;
    }
}
