package org.learningcities.platform;

/** A component of the local platform could not be started; the message says which one and why. */
public class PlatformStartupException extends RuntimeException {

    public PlatformStartupException(String message) {
        super(message);
    }

    public PlatformStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
