package org.learningcities.performance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The machine a run measured, as the report names it. */
record Machine(int cores, long memoryBytes, String cpuModel, String operatingSystem, String jdk) {

    static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                field(Path.of("/proc/meminfo"), "MemTotal:")
                        .map(kibibytes -> Long.parseLong(kibibytes.replaceAll("\\D", "")) * 1024).orElse(0L),
                field(Path.of("/proc/cpuinfo"), "model name").map(value -> value.replaceFirst("^\\s*:\\s*", ""))
                        .orElse(System.getProperty("os.arch")),
                field(Path.of("/etc/os-release"), "PRETTY_NAME=").map(value -> value.replace("\"", ""))
                        .orElse(System.getProperty("os.name")) + " (kernel " + System.getProperty("os.version") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /** The load averages over 1, 5 and 15 minutes: far above the core count means other work shared the machine. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return String.join(" / ", fields[0], fields[1], fields[2]);
        } catch (IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }

    /** The rest of the first line that starts with {@code name}. */
    private static Optional<String> field(Path file, String name) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(line -> line.startsWith(name))
                    .map(line -> line.substring(name.length()).strip()).findFirst();
        } catch (IOException | RuntimeException notLinux) {
            return Optional.empty();
        }
    }
}
