package org.learningcities.messaging;

/** A record that is not a CloudEvent this platform can read; it ends in the dead-letter topic. */
public class UnreadableEventException extends RuntimeException {

    UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
