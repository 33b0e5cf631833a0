package org.learningcities.agenda;

import org.learningcities.documents.SessionCalendar;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Conferences, their programme and who attends what. */
@SpringBootApplication
public class AgendaServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgendaServiceApplication.class, args);
    }

    @Bean
    SessionCalendar sessionCalendar() {
        return new SessionCalendar();
    }
}
