package org.learningcities.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.learningcities.contracts.EventCatalog;
import org.learningcities.contracts.EventType;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The binding as the service runs it (the webhook tests replace the group to stay out of other tests' way). */
class PartnerEventFanOutBindingTest {

    @Test
    void readsEveryPublicTopicAndNoInternalOneInAGroupOfItsOwn() throws Exception {
        PropertySource<?> configuration = new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml")).getFirst();

        assertThat(property(configuration, "spring.cloud.function.definition").split(";")).contains("partnerEvents");
        assertThat(Arrays.stream(property(configuration, "spring.cloud.stream.bindings.partnerEvents-in-0.destination")
                .split(",")).map(String::trim).collect(Collectors.toSet()))
                .isEqualTo(EventCatalog.ALL.stream().filter(PartnerEventFanOut::isPublic).map(EventType::topic)
                        .collect(Collectors.toSet()))
                .noneMatch(topic -> topic.contains(".internal."));
        assertThat(property(configuration, "spring.cloud.stream.bindings.partnerEvents-in-0.group"))
                .isEqualTo("notification-service-webhooks");
    }

    private static String property(PropertySource<?> configuration, String name) {
        return String.valueOf(configuration.getProperty(name));
    }
}
