package org.learningcities.gateway;

import java.util.Collection;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.learningcities.gateway.routing.EchoingService;
import org.learningcities.gateway.routing.PlatformService;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test class driving the running gateway in front of stand-ins for the four services, set up as
 * {@link GatewayUnderTest#configure} describes. A subclass brings its own {@code @SpringBootTest} (with any
 * properties of its own) and reaches the gateway on {@link #port}.
 *
 * <p>Each test class gets stand-ins of its own, stopped after its last test. A class that wants a stand-in to behave
 * otherwise says so in a {@code @BeforeAll} method of its own, which JUnit runs after {@link #startStandIns()}.
 * The gateway's context points at one class's stand-ins, so it is closed after that class instead of being reused.
 */
@DirtiesContext
public abstract class GatewayWithStandIns {

    private static Map<PlatformService, EchoingService> standIns;

    @LocalServerPort
    protected int port;

    @BeforeAll
    protected static void startStandIns() {
        standIns();
    }

    @DynamicPropertySource
    protected static void pointTheGatewayAtTheStandIns(DynamicPropertyRegistry registry) {
        GatewayUnderTest.configure(registry, standIns());
    }

    @AfterAll
    protected static synchronized void stopStandIns() {
        if (standIns != null) {
            standIns.values().forEach(EchoingService::close);
            standIns = null;
        }
    }

    /** The stand-in for one service, for this test class. */
    protected static EchoingService standIn(PlatformService service) {
        return standIns().get(service);
    }

    /** The stand-ins for all four services, for this test class. */
    protected static Collection<EchoingService> allStandIns() {
        return standIns().values();
    }

    // Started by whichever comes first: the class's @BeforeAll methods or the gateway's context.
    private static synchronized Map<PlatformService, EchoingService> standIns() {
        if (standIns == null) {
            standIns = GatewayUnderTest.startStandIns();
        }
        return standIns;
    }
}
