package org.learningcities.performance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.learningcities.platform.LocalPlatform;
import org.learningcities.platform.PlatformService;

/**
 * Resident memory of each process of the platform: the proportional set size (Pss), which splits shared pages
 * among the processes sharing them, so the parts add up to the whole (PostgreSQL's shared buffers count once,
 * not once per backend).
 */
final class MemoryFootprint {

    /** The launcher JVM: the in-process mail server and SMS sink, and this harness's load generator as well. */
    static final String HARNESS = "harness JVM (launcher, SMTP, SMS sink, load generator)";
    static final String KAFKA = "Kafka broker";
    static final String POSTGRES = "PostgreSQL (all processes)";

    private final LocalPlatform platform;

    MemoryFootprint(LocalPlatform platform) {
        this.platform = platform;
    }

    /** Bytes per process, services first, in a stable order. */
    Map<String, Long> snapshot() {
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.values()) {
            bytes.put(service.moduleName(), platform.service(service).residentMemoryBytes());
        }
        bytes.put(KAFKA, platform.kafkaBroker().residentMemoryBytes());
        bytes.put(POSTGRES, platform.postgres().residentMemoryBytes());
        bytes.put(HARNESS, harnessBytes());
        return bytes;
    }

    /** This JVM alone: its children are counted above. */
    private static long harnessBytes() {
        Path smapsRollup = Path.of("/proc", String.valueOf(ProcessHandle.current().pid()), "smaps_rollup");
        try (Stream<String> lines = Files.lines(smapsRollup)) {
            return lines.filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException notLinux) {
            return 0;
        }
    }
}
