package org.learningcities.platform.faults;

/** What the fault tests share across classes. */
final class FaultTests {

    /**
     * The tag of the scenarios that take minutes (a 30 s broker outage, a service restarting, a cluster of three
     * brokers): {@code ./mvnw verify} leaves them out, the {@code faults} profile runs them (docs/reliability.md).
     */
    static final String LONG = "long-fault";

    private FaultTests() {
    }
}
