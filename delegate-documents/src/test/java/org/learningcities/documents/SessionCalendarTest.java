package org.learningcities.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionCalendarTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final SessionCalendar calendar = new SessionCalendar();

    /** China has had no summer time since 1991: 09:00 in Beijing is 09:00 in every month of every later year. */
    @ParameterizedTest
    @CsvSource({"2013-10-21T09:00", "2030-07-15T09:00", "2026-04-20T09:00", "2019-09-10T09:00", "2014-01-15T09:00"})
    void writesTimesOnTheVenuesClocksAllYearRound(LocalDateTime start) {
        String ics = calendar.render(BEIJING, List.of(event(start)));

        String expected = start.toString().replace("-", "").replace(":", "") + "00";
        String end = start.plusMinutes(90).toString().replace("-", "").replace(":", "") + "00";
        assertThat(ics).contains("DTSTART;TZID=Asia/Shanghai:" + expected, "DTEND;TZID=Asia/Shanghai:" + end,
                "BEGIN:VTIMEZONE", "TZID:Asia/Shanghai");
    }

    private static SessionCalendar.Event event(LocalDateTime start) {
        return new SessionCalendar.Event("s-1", 0, start.atZone(BEIJING).toInstant(),
                start.plusMinutes(90).atZone(BEIJING).toInstant(), "Opening plenary", "Hall A", null,
                SessionCalendar.Status.CONFIRMED);
    }
}
