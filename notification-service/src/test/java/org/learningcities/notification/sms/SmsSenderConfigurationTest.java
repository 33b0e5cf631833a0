package org.learningcities.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.learningcities.notification.delivery.Channel;
import org.learningcities.notification.delivery.ChannelSender;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

class SmsSenderConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withUserConfiguration(SmsChannel.class);

    @Test
    void offersNoSmsChannelWithoutProviders() {
        context.run(running -> assertThat(running)
                .hasNotFailed()
                .doesNotHaveBean(ChannelSender.class));
    }

    @Test
    void offersTheSmsChannelOnceAProviderIsConfigured() {
        context.withPropertyValues(
                        "notification.sms.providers[0].name=primary",
                        "notification.sms.providers[0].url=https://sms.primary.example/v1/messages",
                        "notification.sms.providers[0].token=secret",
                        "notification.sms.cool-down=1m")
                .run(running -> {
                    assertThat(running).hasSingleBean(ChannelSender.class);
                    assertThat(running.getBean(ChannelSender.class).channel()).isEqualTo(Channel.SMS);
                    SmsProperties settings = running.getBean(SmsProperties.class);
                    assertThat(settings.providers()).extracting(SmsProperties.Provider::name).containsExactly("primary");
                    assertThat(settings.coolDown()).hasMinutes(1);
                    assertThat(settings.requestTimeout()).hasSeconds(5);
                });
    }

    @Test
    void refusesToStartWithAProviderWithoutToken() {
        context.withPropertyValues(
                        "notification.sms.providers[0].name=primary",
                        "notification.sms.providers[0].url=https://sms.primary.example/v1/messages")
                .run(running -> assertThat(running).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("token"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SmsProperties.class)
    @Import(SmsSender.class)
    static class SmsChannel {
    }
}
