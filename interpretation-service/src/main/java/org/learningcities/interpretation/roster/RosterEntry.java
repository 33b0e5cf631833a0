package org.learningcities.interpretation.roster;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.learningcities.contracts.interpretation.InterpreterContactChanged;
import org.learningcities.interpretation.planning.LanguageClass;

/**
 * What the roster holds about one interpreter, normalised (canonical language tags, sorted languages, single
 * days), so that an entry equal to the stored one means nothing changed and nothing is written or published.
 *
 * @param languages     BCP 47 tag to class
 * @param availableDays the venue calendar days they can work
 * @param accountId     the interpreter's user account (token {@code sub}), or null when none is linked
 */
record RosterEntry(String givenName, String familyName, String email, String phone, String correspondenceLanguage,
                   SortedMap<String, LanguageClass> languages, SortedSet<LocalDate> availableDays, String homeRoomId,
                   String accountId) {

    RosterEntry {
        languages = Collections.unmodifiableSortedMap(new TreeMap<>(languages));
        availableDays = Collections.unmodifiableSortedSet(new TreeSet<>(availableDays));
    }

    InterpreterContactChanged contact(String interpreterId) {
        return new InterpreterContactChanged(interpreterId, givenName, familyName, email, phone, correspondenceLanguage,
                accountId);
    }

    RosterEntry linkedTo(String otherAccountId) {
        return new RosterEntry(givenName, familyName, email, phone, correspondenceLanguage, languages, availableDays,
                homeRoomId, otherAccountId);
    }

    /** Whether planning would see a difference: names and contact details do not change who can work where. */
    boolean plansDifferentlyFrom(RosterEntry other) {
        return !languages.equals(other.languages) || !availableDays.equals(other.availableDays)
                || !Objects.equals(homeRoomId, other.homeRoomId);
    }
}
