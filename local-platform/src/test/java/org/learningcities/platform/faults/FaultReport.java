package org.learningcities.platform.faults;

import java.time.Duration;

/** One line per scenario with the figures docs/reliability.md quotes, in the failsafe report's output file. */
final class FaultReport {

    private FaultReport() {
    }

    static void print(String scenario, RegistrationBurst.Result burst, String fault, ExactlyOnceCheck.Settled settled) {
        System.out.printf("FAULT RESULT | %s | %s | fault: %s | every trace in place %.1f s after the last answer,"
                        + " %d e-mail hand-offs repeated%n",
                scenario, burst.summary(), fault, settled.after().toMillis() / 1000.0, settled.repeatedMails());
    }

    static String seconds(Duration duration) {
        return "%.1f s".formatted(duration.toMillis() / 1000.0);
    }
}
