package org.learningcities.platform;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where this module lives, found from where its classes were loaded ({@code local-platform/target/classes}), so
 * the launcher finds the service jars and the repository's {@code .platform/} from any working directory.
 */
final class ModuleLayout {

    private ModuleLayout() {
    }

    static Path serviceJarDirectory() {
        return targetDirectory().resolve("services");
    }

    static Path repositoryRoot() {
        Path moduleDirectory = targetDirectory().getParent();
        return moduleDirectory.getParent() != null ? moduleDirectory.getParent() : moduleDirectory;
    }

    /** The build directory: the parent of both {@code target/classes} and a packaged {@code target/*.jar}. */
    private static Path targetDirectory() {
        try {
            Path classes = Path.of(ModuleLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.toAbsolutePath().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the local-platform module", e);
        }
    }
}
