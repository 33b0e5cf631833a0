package org.learningcities.registration.registration;

import org.learningcities.registration.conference.KnownConferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The conference's place counter as registrations and the waiting list use it. A place freed while
 * delegates wait is reserved for the next one's offer instead of going back to the counter.
 */
@Repository
class Places {

    private final KnownConferences conferences;
    private final JdbcClient jdbc;

    Places(KnownConferences conferences, JdbcClient jdbc) {
        this.conferences = conferences;
        this.jdbc = jdbc;
    }

    /**
     * Takes a place for a new registration; false means it goes to the waiting list. When the quick
     * attempt finds the conference full, it waits for the conference row so that a transaction freeing a
     * place right now either has already returned it (and we take it) or, after we commit, sees our
     * waitlisted registration and offers the place to the line. Without this a place could come free
     * while a delegate who just joined the line waits for nothing.
     */
    boolean take(String conferenceId) {
        if (conferences.takePlace(conferenceId)) {
            return true;
        }
        lock(conferenceId);
        return conferences.takePlace(conferenceId);
    }

    /**
     * Serialises the freeing of places with {@link #take} for one conference, until commit. {@code for no key update}
     * is the lock the counter's update takes: a plain {@code for update} would also wait for the key-share locks that
     * inserting a registration (its foreign key to the conference) takes, and two registrations of a full conference
     * would deadlock on each other.
     */
    void lock(String conferenceId) {
        jdbc.sql("select conference_id from conference where conference_id = ? for no key update")
                .param(conferenceId)
                .query(String.class)
                .single();
    }

    /** Gives a place back to the counter because no one is waiting for it. */
    void release(String conferenceId) {
        jdbc.sql("update conference set places_taken = places_taken - 1 where conference_id = ? and places_taken > 0")
                .param(conferenceId)
                .update();
    }
}
