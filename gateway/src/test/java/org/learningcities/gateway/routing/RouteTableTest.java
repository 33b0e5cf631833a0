package org.learningcities.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.learningcities.gateway.routing.PublicApiEndpoints.Endpoint;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Checks the route table itself against the API contract, without starting anything. */
class RouteTableTest {

    @Test
    void everyPathPatternOfTheRouteTableServesAContractEndpoint() {
        for (PlatformService service : PlatformService.values()) {
            for (String pattern : service.apiPathPatterns()) {
                PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
                assertThat(PublicApiEndpoints.ALL)
                        .as("%s routes %s, which no endpoint of the contract uses", service.serviceName(), pattern)
                        .anyMatch(endpoint -> parsed.matches(PathContainer.parsePath(endpoint.path())));
            }
        }
    }

    @Test
    void everyContractEndpointIsClaimedByExactlyItsOwningService() {
        for (Endpoint endpoint : PublicApiEndpoints.ALL) {
            List<PlatformService> claimants = Arrays.stream(PlatformService.values())
                    .filter(service -> service.apiPathPatterns().stream()
                            .map(PathPatternParser.defaultInstance::parse)
                            .anyMatch(pattern -> pattern.matches(PathContainer.parsePath(endpoint.path()))))
                    .toList();
            assertThat(claimants).as(endpoint.toString()).containsExactly(endpoint.owner());
        }
    }
}
