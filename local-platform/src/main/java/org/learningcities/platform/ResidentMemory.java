package org.learningcities.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Resident memory of process trees, read from /proc. Each process counts with its proportional set size (Pss),
 * which splits shared pages among the processes sharing them: summing plain resident sizes (VmRSS) would count
 * PostgreSQL's shared buffers once per backend and the JDK's shared libraries once per JVM. VmRSS is the fallback
 * where Pss is not available. A process that ends meanwhile counts as nothing.
 */
final class ResidentMemory {

    private ResidentMemory() {
    }

    static long bytesOfTrees(Collection<ProcessHandle> roots) {
        Set<Long> pids = roots.stream()
                .flatMap(root -> Stream.concat(Stream.of(root), root.descendants()))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
        return pids.stream().mapToLong(ResidentMemory::bytesOf).sum();
    }

    private static long bytesOf(long pid) {
        Path process = Path.of("/proc", String.valueOf(pid));
        return kibibytes(process.resolve("smaps_rollup"), "Pss:")
                .or(() -> kibibytes(process.resolve("status"), "VmRSS:"))
                .orElse(0L) * 1024;
    }

    private static Optional<Long> kibibytes(Path file, String field) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(field))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst();
        } catch (IOException | RuntimeException goneOrNotLinux) {
            return Optional.empty();
        }
    }
}
