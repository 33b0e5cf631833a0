package org.learningcities.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the log files the child processes write, to explain failures and to spot readiness lines. */
final class LogFile {

    /** Enough for 30 long lines; reading the whole file would be slow for a broker that ran for days. */
    private static final int TAIL_BYTES = 64 * 1024;
    private static final int TAIL_LINES = 30;
    private static final int ERROR_EXCERPT_LINES = 8;
    private static final Pattern ERROR_LINE = Pattern.compile("\\b(ERROR|FATAL)\\b");
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ more)");

    private LogFile() {
    }

    static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code text} was written to the file after byte {@code offset}. */
    static boolean containsAfter(Path file, long offset, String text) {
        return readFrom(file, offset, Integer.MAX_VALUE).contains(text);
    }

    private static List<String> lastLines(Path file, int count) {
        String tail = readFrom(file, Math.max(0, size(file) - TAIL_BYTES), TAIL_BYTES);
        List<String> lines = Arrays.asList(tail.split("\\R"));
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    /**
     * What a failure message needs so that it explains itself without opening the file: the first error logged
     * since {@code offset}, which the shutdown noise at the end often buries, and the last 30 lines.
     */
    static String explain(Path file, long offset) {
        String firstError = firstErrorAfter(file, offset)
                .map(error -> "First error in " + file + ":\n    " + error + "\n")
                .orElse("");
        return firstError + "Last " + TAIL_LINES + " lines of " + file + ":\n    " + String.join("\n    ", lastLines(file, TAIL_LINES));
    }

    /**
     * The first line logged at ERROR or FATAL level with the lines after it, which hold the exception message or
     * Spring Boot's failure analysis; stack frames are left out.
     */
    private static Optional<String> firstErrorAfter(Path file, long offset) {
        List<String> lines = readFrom(file, offset, Integer.MAX_VALUE).lines().toList();
        for (int index = 0; index < lines.size(); index++) {
            if (ERROR_LINE.matcher(lines.get(index)).find()) {
                List<String> excerpt = lines.subList(index, lines.size()).stream()
                        .filter(line -> !STACK_FRAME.matcher(line).find() && !line.isBlank())
                        .limit(ERROR_EXCERPT_LINES)
                        .toList();
                return Optional.of(String.join("\n    ", excerpt));
            }
        }
        return Optional.empty();
    }

    private static String readFrom(Path file, long offset, int maxBytes) {
        try (FileChannel channel = FileChannel.open(file)) {
            long length = Math.min(maxBytes, Math.max(0, channel.size() - offset));
            ByteBuffer buffer = ByteBuffer.allocate((int) length);
            int read;
            do {
                read = channel.read(buffer, offset + buffer.position());
            } while (read > 0 && buffer.hasRemaining());
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
