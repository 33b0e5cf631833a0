package org.learningcities.notification;

import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Tells delegates and interpreters what happened to them, in their language, on every channel they get it on,
 * and partners through webhooks: keeps copies of what it needs, fed by events, and delivers exactly once in effect.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationServiceApplication {

    static {
        // Webhooks connect to the address they checked and name the partner's host in the Host header (see
        // WebhookSender). The JDK HTTP client reads this switch once, when it is first used: set it before anything can.
        String allowed = System.getProperty("jdk.httpclient.allowRestrictedHeaders", "");
        if (!allowed.toLowerCase(Locale.ROOT).contains("host")) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", allowed.isBlank() ? "host" : allowed + ",host");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
