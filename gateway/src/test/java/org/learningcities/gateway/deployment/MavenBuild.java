package org.learningcities.gateway.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** What the deployment must agree with, read from the repository's Maven build. */
final class MavenBuild {

    private final Path root;
    private final Document rootPom;

    private MavenBuild(Path root) {
        this.root = root;
        this.rootPom = parse(root.resolve("pom.xml"));
    }

    /** The repository root: the nearest directory, from the working directory up, holding the compose file. */
    static MavenBuild ofRepository() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("docker-compose.yml"))
                    && Files.isRegularFile(directory.resolve("pom.xml"))) {
                return new MavenBuild(directory);
            }
        }
        throw new IllegalStateException("No docker-compose.yml beside a pom.xml above " + Path.of("").toAbsolutePath());
    }

    Path root() {
        return root;
    }

    List<String> modules() {
        return texts(rootPom, "/project/modules/module");
    }

    /**
     * Modules that run as their own process in production: those whose build packages the runnable exec jar, which
     * the Dockerfile needs. A Spring Boot main class alone does not make one: the benchmark's bare insert endpoint
     * has one but runs from the harness's class path and is never deployed.
     */
    List<String> runnableModules() {
        return modules().stream().filter(this::packagesExecJar).toList();
    }

    String property(String name) {
        return text(rootPom, "/project/properties/" + name);
    }

    /** The classifier under which spring-boot-maven-plugin attaches the runnable jar. */
    String execJarClassifier() {
        return text(rootPom, "/project/build/pluginManagement/plugins/plugin[artifactId='spring-boot-maven-plugin']"
                + "/configuration/classifier");
    }

    private boolean packagesExecJar(String module) {
        Document pom = parse(root.resolve(module).resolve("pom.xml"));
        return !texts(pom, "/project/build/plugins/plugin[artifactId='spring-boot-maven-plugin']").isEmpty();
    }

    private static Document parse(Path pom) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + pom, e);
        }
    }

    private static String text(Document document, String xpath) {
        List<String> texts = texts(document, xpath);
        return texts.isEmpty() ? null : texts.getFirst();
    }

    private static List<String> texts(Document document, String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate(xpath, document, XPathConstants.NODESET);
            return IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent().trim()).toList();
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }
}
