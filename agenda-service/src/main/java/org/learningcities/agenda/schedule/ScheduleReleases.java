package org.learningcities.agenda.schedule;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The schedule_release table: each conference's releases, numbered 1, 2, 3 … */
@Repository
class ScheduleReleases {

    private static final TypeReference<List<ChangeEntry>> CHANGELOG = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ScheduleReleases(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Callers hold the conference's scheduling lock, so no other release can take the same number. */
    int nextVersion(String conferenceId) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from schedule_release where conference_id = ?")
                .param(conferenceId)
                .query(Integer.class)
                .single();
    }

    void insert(ScheduleRelease release) {
        jdbc.sql("""
                        insert into schedule_release (conference_id, version, released_at, changelog)
                        values (?, ?, ?, cast(? as jsonb))""")
                .params(release.conferenceId(), release.version(), release.releasedAt().atOffset(ZoneOffset.UTC),
                        json.writeValueAsString(release.changes()))
                .update();
    }

    List<ScheduleRelease> allOf(String conferenceId) {
        return after(Map.of(conferenceId, 0));
    }

    /** 0 before the first release. */
    int latestVersion(String conferenceId) {
        return nextVersion(conferenceId) - 1;
    }

    /**
     * The releases of each conference after the version given for it, in one query however many conferences:
     * oldest first per conference. Versions of a conference commit in order (releases hold the conference's
     * lock), so reading "after version n" never skips a release that commits later.
     */
    List<ScheduleRelease> after(Map<String, Integer> versionByConference) {
        if (versionByConference.isEmpty()) {
            return List.of();
        }
        List<String> conferenceIds = List.copyOf(versionByConference.keySet());
        return jdbc.sql("""
                        select r.conference_id, r.version, r.released_at, r.changelog
                        from schedule_release r
                        join unnest(cast(:conferenceIds as text[]), cast(:versions as integer[])) as seen (id, version)
                          on r.conference_id = seen.id and r.version > seen.version
                        order by r.conference_id, r.version""")
                .param("conferenceIds", conferenceIds.toArray(String[]::new))
                .param("versions", conferenceIds.stream().map(versionByConference::get).toArray(Integer[]::new))
                .query((row, number) -> new ScheduleRelease(row.getString("conference_id"), row.getInt("version"),
                        row.getObject("released_at", OffsetDateTime.class).toInstant(),
                        json.readValue(row.getString("changelog"), CHANGELOG)))
                .list();
    }
}
