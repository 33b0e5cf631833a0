package org.learningcities.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/** The environment variables of docs/runtime-conventions.md that wire one service to the local components. */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, String> of(PlatformService service, LocalPlatformOptions options) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", String.valueOf(options.port(service)));
        service.database().ifPresent(database -> {
            environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + options.postgresPort() + "/" + database);
            environment.put("SPRING_DATASOURCE_USERNAME", PostgresServer.USERNAME);
            environment.put("SPRING_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        });
        // The issuer every token names and every service checks; services fetch its keys from /oauth2/jwks.
        environment.put("PLATFORM_AUTH_ISSUER_URI", "http://localhost:" + options.port(PlatformService.AUTHORIZATION));
        if (service == PlatformService.AUTHORIZATION) {
            // Kept in the data directory, so tokens stay valid when the platform restarts.
            environment.put("AUTHORIZATION_SIGNING_KEY_LOCATION",
                    options.dataDirectory().resolve("authorization-server").resolve("signing-key.json").toString());
        }
        if (service.usesKafka()) {
            String kafka = options.kafkaBootstrapServers(service);
            environment.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", kafka);
            // The topics the binder creates get a replica on every broker: 1, or 3 in a cluster.
            environment.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_REPLICATION_FACTOR", String.valueOf(options.kafkaBrokers()));
            // For code that talks to Kafka through Spring for Apache Kafka rather than the Stream binder.
            environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka);
        }
        if (service == PlatformService.NOTIFICATION) {
            environment.put("SPRING_MAIL_HOST", "localhost");
            environment.put("SPRING_MAIL_PORT", String.valueOf(options.smtpPort()));
            environment.put("NOTIFICATION_SMS_PROVIDERS_0_NAME", "local-sms-sink");
            environment.put("NOTIFICATION_SMS_PROVIDERS_0_URL", SmsSink.url(options.smsPort()).toString());
            environment.put("NOTIFICATION_SMS_PROVIDERS_0_TOKEN", SmsSink.TOKEN);
            // So a developer can point a webhook at a receiver on their machine; production leaves it empty.
            environment.put("NOTIFICATION_WEBHOOKS_ALLOWEDPRIVATENETWORKS", "127.0.0.1/32");
        }
        if (service == PlatformService.GATEWAY) {
            environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(options.gatewayManagementPort()));
            for (PlatformService routed : PlatformService.values()) {
                if (routed != PlatformService.GATEWAY && routed != PlatformService.AUTHORIZATION) {
                    environment.put("PLATFORM_SERVICES_" + routed.name() + "_URI", "http://localhost:" + options.port(routed));
                }
            }
        }
        environment.putAll(options.environment(service));
        return environment;
    }
}
