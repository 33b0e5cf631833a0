package org.learningcities.notification.delivery;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import org.learningcities.messaging.CloudEventHeaders;

/**
 * The trace a notification was queued in, as W3C Trace Context values (both null when nothing was traced). Queueing
 * runs in the consumer that handles the causing event, inside the span continuing that event's trace; Micrometer
 * Tracing's OpenTelemetry bridge keeps that span in OpenTelemetry's context, which is where it is read from.
 */
record CausingTrace(String traceParent, String traceState) {

    static CausingTrace current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return new CausingTrace(carrier.get(CloudEventHeaders.TRACE_PARENT), carrier.get(CloudEventHeaders.TRACE_STATE));
    }

    /** For a propagator reading this trace back under the header names it travels by on Kafka. */
    String header(String name) {
        return switch (name) {
            case CloudEventHeaders.TRACE_PARENT -> traceParent;
            case CloudEventHeaders.TRACE_STATE -> traceState;
            default -> null;
        };
    }
}
