package org.learningcities.interpretation.programme;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Asks the planner, through replan_request, to plan a conference again; it takes the row when it does. */
final class ReplanRequests {

    private ReplanRequests() {
    }

    /** In the caller's transaction. A conference already waiting for a plan is refreshed, not queued twice. */
    static void request(JdbcClient jdbc, String conferenceId) {
        jdbc.sql("""
                insert into replan_request (conference_id, requested_at) values (?, now())
                on conflict (conference_id) do update set requested_at = excluded.requested_at""")
                .param(conferenceId)
                .update();
    }
}
