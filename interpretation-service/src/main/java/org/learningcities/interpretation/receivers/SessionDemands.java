package org.learningcities.interpretation.receivers;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Headset demand per session and channel, from the copies of the programme (session), enrolments, delegates'
 * status and their listening languages. The audience of a session: when it requires enrolment, the approved
 * delegates with a confirmed enrolment; otherwise every approved delegate of the conference. Each of them
 * <ul>
 *   <li>listens to the floor, without a headset, when they listen in every floor language of the session;</li>
 *   <li>otherwise takes a headset on the first interpretation language of the session, in the session's order of
 *       booths, that they listen in (for a bilingual floor this may be a floor language: its booth works both
 *       ways and gives them the other floor language);</li>
 *   <li>otherwise listens to the floor if they understand one floor language, and is not served at all if not.</li>
 * </ul>
 * Languages match by exact BCP 47 tag.
 */
@Repository
class SessionDemands {

    private static final String FLOOR = "FLOOR";
    private static final String CHANNEL = "CHANNEL";
    private static final String NOT_SERVED = "NOT_SERVED";

    private final JdbcClient jdbc;

    SessionDemands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ReceiverDemand.SessionDemand> of(String conferenceId) {
        Map<String, Map<String, Integer>> channelCounts = new HashMap<>();
        Map<String, int[]> floorAndNotServed = new HashMap<>();
        jdbc.sql("""
                with interpreted as (
                    select session_id, conference_id, enrolment_required, floor_languages, interpretation_languages
                    from session
                    where conference_id = :conferenceId and not cancelled and cardinality(interpretation_languages) > 0
                ),
                audience as (
                    select s.session_id, d.registration_id
                    from interpreted s
                    join delegate d on d.conference_id = s.conference_id and d.status = 'APPROVED'
                    where not s.enrolment_required
                    union all
                    select s.session_id, d.registration_id
                    from interpreted s
                    join enrolment e on e.session_id = s.session_id and e.status = 'CONFIRMED'
                    join delegate d on d.registration_id = e.registration_id and d.status = 'APPROVED'
                    where s.enrolment_required
                ),
                listener as (
                    select s.session_id, s.floor_languages, s.interpretation_languages,
                           coalesce(array(select l.language from listening_language l
                                          where l.registration_id = a.registration_id), '{}') as languages
                    from audience a
                    join interpreted s on s.session_id = a.session_id
                ),
                choice as (
                    select session_id,
                           case when cardinality(floor_languages) > 0 and floor_languages <@ languages then null
                                else (select x.language
                                      from unnest(interpretation_languages) with ordinality as x(language, position)
                                      where x.language = any(languages)
                                      order by x.position
                                      limit 1)
                           end as channel,
                           languages && floor_languages as understands_floor
                    from listener
                )
                select session_id,
                       case when channel is not null then 'CHANNEL'
                            when understands_floor then 'FLOOR'
                            else 'NOT_SERVED' end as listens_to,
                       channel, count(*) as delegates
                from choice
                group by 1, 2, 3""")
                .param("conferenceId", conferenceId)
                .query((RowCallbackHandler) row -> {
                    String sessionId = row.getString("session_id");
                    int delegates = row.getInt("delegates");
                    switch (row.getString("listens_to")) {
                        case CHANNEL -> channelCounts.computeIfAbsent(sessionId, id -> new HashMap<>())
                                .merge(row.getString("channel"), delegates, Integer::sum);
                        case FLOOR -> floorAndNotServed.computeIfAbsent(sessionId, id -> new int[2])[0] += delegates;
                        case NOT_SERVED -> floorAndNotServed.computeIfAbsent(sessionId, id -> new int[2])[1]
                                += delegates;
                        default -> throw new IllegalStateException("unexpected " + row.getString("listens_to"));
                    }
                });
        return jdbc.sql("""
                select session_id, starts_at, ends_at, room_name, interpretation_languages
                from session
                where conference_id = ? and not cancelled and cardinality(interpretation_languages) > 0
                order by starts_at, session_id""")
                .param(conferenceId)
                .query((row, rowNumber) -> {
                    String sessionId = row.getString("session_id");
                    Map<String, Integer> counts = channelCounts.getOrDefault(sessionId, Map.of());
                    List<ReceiverDemand.Channel> channels = new ArrayList<>();
                    for (String language : languages(row.getArray("interpretation_languages"))) {
                        channels.add(new ReceiverDemand.Channel(language, counts.getOrDefault(language, 0)));
                    }
                    int[] others = floorAndNotServed.getOrDefault(sessionId, new int[2]);
                    int headsets = channels.stream().mapToInt(ReceiverDemand.Channel::delegates).sum();
                    return new ReceiverDemand.SessionDemand(sessionId, row.getTimestamp("starts_at").toInstant(),
                            row.getTimestamp("ends_at").toInstant(), row.getString("room_name"),
                            headsets + others[0] + others[1], others[0], others[1], headsets, channels);
                })
                .list();
    }

    /** The tags in order, each once. */
    private static List<String> languages(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).distinct().toList();
    }
}
