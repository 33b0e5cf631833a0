package org.learningcities.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Tuning of the outbox relay; the defaults suit a conference's load on a small machine. */
@ConfigurationProperties("messaging")
public record MessagingProperties(@DefaultValue Outbox outbox) {

    /**
     * @param pollInterval   how often the relay looks for rows when nobody woke it (other instances' writes)
     * @param batchSize      rows sent per database transaction
     * @param initialBackoff first wait after Kafka refused a send; doubles up to maxBackoff
     * @param retention      how long published rows are kept for inspection before removal
     */
    public record Outbox(
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("200") int batchSize,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("10s") Duration maxBackoff,
            @DefaultValue("7d") Duration retention) {
    }
}
