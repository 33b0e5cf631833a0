package org.learningcities.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LaunchArgumentsTest {

    @Test
    void usesTheDocumentedDefaultsWithoutArguments() {
        LocalPlatformOptions options = LaunchArguments.parse();

        assertThat(options.fresh()).isFalse();
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.postgresPort()).isEqualTo(54320);
        assertThat(options.smtpPort()).isEqualTo(3025);
        assertThat(options.imapPort()).isEqualTo(3143);
        assertThat(options.smsPort()).isEqualTo(3090);
        assertThat(options.port(PlatformService.GATEWAY)).isEqualTo(8080);
        assertThat(options.port(PlatformService.NOTIFICATION)).isEqualTo(8084);
        assertThat(options.services()).containsExactlyInAnyOrder(PlatformService.values());
        assertThat(options.dataDirectory().getFileName()).hasToString(".platform");
    }

    @Test
    void readsFlagsAndPortsOfEveryComponent() {
        LocalPlatformOptions options = LaunchArguments.parse("--fresh", "--data-dir=/tmp/elsewhere",
                "--kafka-port=19092", "--postgres-port=15432", "--smtp-port=13025", "--imap-port=13143",
                "--sms-port=13090", "--gateway-port=18080", "--agenda-service-port=18081");

        assertThat(options.fresh()).isTrue();
        assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/elsewhere"));
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.postgresPort()).isEqualTo(15432);
        assertThat(options.smtpPort()).isEqualTo(13025);
        assertThat(options.imapPort()).isEqualTo(13143);
        assertThat(options.smsPort()).isEqualTo(13090);
        assertThat(options.port(PlatformService.GATEWAY)).isEqualTo(18080);
        assertThat(options.port(PlatformService.AGENDA)).isEqualTo(18081);
        assertThat(options.port(PlatformService.REGISTRATION)).isEqualTo(8082);
    }

    @Test
    void startsNoServiceWhenAskedForTheInfrastructureOnly() {
        assertThat(LaunchArguments.parse("--infrastructure-only").services()).isEmpty();
    }

    @Test
    void rejectsUnknownOptionsAndBadPorts() {
        assertThatThrownBy(() -> LaunchArguments.parse("--frehs"))
                .hasMessageContaining("Unknown option --frehs");
        assertThatThrownBy(() -> LaunchArguments.parse("--kafka-port=ninety"))
                .hasMessageContaining("--kafka-port needs a port number");
        assertThatThrownBy(() -> LaunchArguments.parse("--data-dir="))
                .hasMessageContaining("--data-dir needs a value");
    }
}
