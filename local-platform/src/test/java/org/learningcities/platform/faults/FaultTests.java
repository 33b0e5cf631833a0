package org.learningcities.platform.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.learningcities.platform.LocalPlatform;
import org.learningcities.platform.LocalPlatformOptions;
import org.learningcities.platform.PlatformService;

/** What the fault tests share across classes. */
final class FaultTests {

    /**
     * The tag of the scenarios that take minutes (a 30 s broker outage, a service restarting, a cluster of three
     * brokers): {@code ./mvnw verify} leaves them out, the {@code faults} profile runs them (docs/reliability.md).
     */
    static final String LONG = "long-fault";

    private FaultTests() {
    }

    /**
     * A fresh platform on free ports, in its own directory under {@code target/}, shaped further by {@code faults}
     * (a proxy, more brokers). The gateway's rate budgets are off: bursts come from one address and no account, and
     * the budgets would throttle them.
     */
    static LocalPlatform startPlatform(String directoryPrefix, UnaryOperator<LocalPlatformOptions.Builder> faults)
            throws IOException {
        Path dataDirectory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), directoryPrefix);
        return LocalPlatform.start(faults.apply(LocalPlatformOptions.builder()
                        .dataDirectory(dataDirectory)
                        .fresh(true)
                        .freePorts()
                        .environment(PlatformService.GATEWAY, "GATEWAY_RATE_LIMIT_ENABLED", "false"))
                .build());
    }
}
