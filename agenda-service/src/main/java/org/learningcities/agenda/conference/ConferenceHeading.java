package org.learningcities.agenda.conference;

import java.util.List;

/**
 * What a published programme names a conference by: its title, and its official languages as BCP 47
 * tags in the order the secretariat gave them (the first one is the default reading language).
 */
public record ConferenceHeading(ConferenceDays days, String title, List<String> languages) {

    public ConferenceHeading {
        languages = List.copyOf(languages);
    }
}
