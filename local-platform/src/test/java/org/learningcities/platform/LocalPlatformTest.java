package org.learningcities.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform's own wiring with Kafka, PostgreSQL and SMTP; the services are covered by the end-to-end test. */
class LocalPlatformTest {

    @TempDir
    Path dataDirectory;

    @Test
    void startsTheInfrastructureAndLeavesNoProcessBehindWhenClosed() throws Exception {
        List<ProcessHandle> processes;
        try (LocalPlatform platform = LocalPlatform.start(LocalPlatformOptions.builder()
                .dataDirectory(dataDirectory)
                .freePorts()
                .infrastructureOnly()
                .build())) {
            assertThat(platform.kafkaBroker().isRunning()).isTrue();
            assertThat(platform.kafkaBootstrapServers()).isEqualTo("localhost:" + platform.options().kafkaPort());
            try (Connection connection = platform.postgres().openConnection("notification")) {
                assertThat(connection.isValid(5)).isTrue();
            }
            assertThat(platform.jdbcUrl(PlatformService.AGENDA)).endsWith(":" + platform.options().postgresPort() + "/agenda");
            assertThat(platform.greenMail().isRunning()).isTrue();
            assertThat(platform.smsSink().isRunning()).isTrue();
            assertThat(platform.smsSink().url().getPort()).isEqualTo(platform.options().smsPort());
            assertThat(platform.residentMemoryBytes()).isPositive();
            assertThat(platform.logDirectory().resolve("kafka.log")).exists();
            processes = new ArrayList<>(ProcessHandle.current().descendants().toList());
            processes.add(platform.postgres().postmaster().orElseThrow());
        }

        assertThat(processes).hasSizeGreaterThan(1).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void freshStartWipesTheDataOfEarlierRuns() throws Exception {
        LocalPlatformOptions.Builder options = LocalPlatformOptions.builder()
                .dataDirectory(dataDirectory)
                .freePorts()
                .infrastructureOnly();
        try (LocalPlatform platform = LocalPlatform.start(options.build())) {
            try (Connection connection = platform.postgres().openConnection("agenda")) {
                connection.createStatement().execute("create table leftover (id int)");
            }
        }

        try (LocalPlatform platform = LocalPlatform.start(options.fresh(true).build())) {
            try (Connection connection = platform.postgres().openConnection("agenda")) {
                assertThat(connection.getMetaData().getTables(null, null, "leftover", null).next()).isFalse();
            }
        }
    }

    @Test
    void refusesToWipeADirectoryItDidNotCreate() throws Exception {
        Files.writeString(dataDirectory.resolve("thesis.tex"), "precious");

        LocalPlatformOptions options = LocalPlatformOptions.builder()
                .dataDirectory(dataDirectory).freePorts().infrastructureOnly().fresh(true).build();

        assertThatThrownBy(() -> LocalPlatform.start(options))
                .isInstanceOf(PlatformStartupException.class)
                .hasMessageContaining("Refusing to wipe");
        assertThat(dataDirectory.resolve("thesis.tex")).hasContent("precious");
    }
}
