package org.learningcities.interpretation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Interpreters, booths and the headsets delegates need to follow sessions in their language. */
@SpringBootApplication
public class InterpretationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(InterpretationServiceApplication.class, args);
    }
}
