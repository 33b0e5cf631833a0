package org.learningcities.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The directory holding Kafka's and PostgreSQL's data, the texts the SMS sink received and the logs. A marker
 * file tells a platform data directory from any other, so that {@code --fresh} never wipes a directory somebody
 * pointed at by mistake.
 */
final class DataDirectory {

    private static final String MARKER = ".local-platform";

    private final Path root;

    DataDirectory(Path root) {
        this.root = root;
    }

    void prepare(boolean fresh) {
        try {
            if (fresh && Files.exists(root)) {
                wipe();
            }
            Files.createDirectories(logs());
            deleteLogsOfEarlierRuns();
            if (!Files.exists(root.resolve(MARKER))) {
                Files.writeString(root.resolve(MARKER), "Data of the Learning Cities local platform; ./platform --fresh wipes it.\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data directory " + root, e);
        }
    }

    Path root() {
        return root;
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    /** The texts the SMS sink received, one JSON line each; kept across restarts like the databases. */
    Path smsMessages() {
        return root.resolve("sms").resolve("messages.jsonl");
    }

    /** So that each log holds one run, and a failure's explanation is not buried under old runs. */
    private void deleteLogsOfEarlierRuns() throws IOException {
        try (Stream<Path> logFiles = Files.list(logs())) {
            for (Path logFile : logFiles.filter(file -> file.toString().endsWith(".log")).toList()) {
                Files.delete(logFile);
            }
        }
    }

    private void wipe() throws IOException {
        boolean empty;
        try (Stream<Path> entries = Files.list(root)) {
            empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.exists(root.resolve(MARKER))) {
            throw new PlatformStartupException("Refusing to wipe " + root + ": it has no " + MARKER
                    + " file, so the local platform did not create it. Choose another --data-dir.");
        }
        try (Stream<Path> entries = Files.walk(root)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
    }
}
