package org.learningcities.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Starts the other JVMs of the platform: the Kafka broker, its storage formatter and the services. */
final class ChildJvm {

    /*
     * Children run in their own session so that Ctrl-C in the terminal reaches only the launcher. Otherwise the
     * terminal would signal every process of its process group at once, and the services would stop while Kafka
     * and PostgreSQL are already gone. The launcher's shutdown hook stops them in order instead.
     */
    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst();

    private ChildJvm() {
    }

    /** Starts {@code java <arguments>} with the launcher's own JDK, appending its output to {@code logFile}. */
    static Process start(List<String> arguments, Map<String, String> environment, Path logFile) {
        List<String> command = new ArrayList<>();
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        command.add(javaExecutable());
        command.addAll(arguments);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + String.join(" ", command), e);
        }
    }

    /** The launcher's JDK, so a child never picks up an older {@code java} from the PATH. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The launcher's class path with absolute entries, so children do not depend on the working directory. */
    static String launcherClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
