package org.learningcities.interpretation.assignments;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.learningcities.interpretation.planning.LanguageClass;
import org.learningcities.interpretation.planning.RosterInterpreter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The roster as planning sees it: languages with their class, days available, home room. */
@Repository
class PlanningRoster {

    private final JdbcClient jdbc;

    PlanningRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RosterInterpreter> interpreters() {
        return jdbc.sql("""
                select i.interpreter_id, i.home_room_id,
                       array(select l.language || ':' || l.class from interpreter_language l
                             where l.interpreter_id = i.interpreter_id) as languages,
                       array(select cast(a.available_on as text) from interpreter_availability a
                             where a.interpreter_id = i.interpreter_id) as days
                from interpreter i
                order by i.interpreter_id""")
                .query((row, number) -> {
                    Map<String, LanguageClass> languages = new HashMap<>();
                    for (String language : Requirements.strings(row.getArray("languages"))) {
                        int colon = language.lastIndexOf(':');
                        languages.put(language.substring(0, colon),
                                LanguageClass.valueOf(language.substring(colon + 1)));
                    }
                    Set<LocalDate> days = Requirements.strings(row.getArray("days")).stream()
                            .map(LocalDate::parse).collect(Collectors.toSet());
                    return new RosterInterpreter(row.getString("interpreter_id"), languages, days,
                            row.getString("home_room_id"));
                })
                .list();
    }

    /** Whether anyone on the roster can work into the language at all (A, or B in a booth that works both ways). */
    Set<String> languagesWorkedInto(List<String> languages) {
        return Set.copyOf(jdbc.sql("""
                select distinct language from interpreter_language
                where class in ('A', 'B') and language = any(cast(:languages as text[]))""")
                .param("languages", languages.toArray(String[]::new))
                .query(String.class)
                .list());
    }
}
