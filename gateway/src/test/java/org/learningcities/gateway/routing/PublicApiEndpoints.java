package org.learningcities.gateway.routing;

import java.util.List;

/**
 * One representative request for every row of the public API contract (../shared/API.md),
 * with the service that must answer it.
 */
final class PublicApiEndpoints {

    record Endpoint(String method, String pathAndQuery, PlatformService owner) {

        String path() {
            int query = pathAndQuery.indexOf('?');
            return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        }

        boolean hasBody() {
            return List.of("POST", "PUT", "PATCH").contains(method);
        }

        @Override
        public String toString() {
            return method + " " + pathAndQuery;
        }
    }

    private static final String CONFERENCE = "/api/conferences/iclc-2013";

    static final List<Endpoint> ALL = List.of(
            agenda("POST", "/api/conferences"),
            agenda("GET", "/api/conferences?page=0&size=20"),
            agenda("GET", CONFERENCE),
            agenda("POST", CONFERENCE + "/rooms"),
            agenda("GET", CONFERENCE + "/rooms"),
            agenda("POST", CONFERENCE + "/sessions"),
            agenda("PATCH", CONFERENCE + "/sessions/opening-plenary"),
            agenda("POST", CONFERENCE + "/schedule/releases"),
            agenda("GET", CONFERENCE + "/sessions?date=2013-10-21&type=PLENARY&language=zh"),
            agenda("GET", CONFERENCE + "/agenda.ics"),
            agenda("POST", CONFERENCE + "/sessions/forum-africa/enrolments"),
            agenda("DELETE", CONFERENCE + "/sessions/forum-africa/enrolments/reg-42"),
            agenda("GET", CONFERENCE + "/agendas/reg-42"),
            agenda("GET", CONFERENCE + "/agendas/reg-42.ics"),
            agenda("GET", CONFERENCE + "/programme/changes"),

            registration("POST", CONFERENCE + "/registrations"),
            registration("GET", CONFERENCE + "/registrations?status=PENDING&region=AFRICA&page=2"),
            registration("GET", "/api/registrations/reg-42"),
            registration("PATCH", "/api/registrations/reg-42"),
            registration("POST", "/api/registrations/reg-42/approval"),
            registration("POST", "/api/registrations/reg-42/rejection"),
            registration("POST", "/api/registrations/reg-42/withdrawal"),
            registration("GET", "/api/registrations/reg-42/badge"),
            registration("POST", CONFERENCE + "/check-ins"),
            registration("POST", CONFERENCE + "/delegations"),
            registration("GET", CONFERENCE + "/delegations"),
            registration("POST", CONFERENCE + "/delegations/del-cn/members"),
            registration("GET", CONFERENCE + "/delegations/del-cn/members"),

            interpretation("POST", "/api/interpreters"),
            interpretation("GET", "/api/interpreters?language=zh"),
            interpretation("GET", "/api/interpreters/int-7"),
            interpretation("GET", "/api/interpreters/int-7/assignments"),
            interpretation("GET", "/api/interpreters/int-7/assignments.ics"),
            interpretation("POST", CONFERENCE + "/interpretation/requests"),
            interpretation("GET", CONFERENCE + "/interpretation/requests"),
            interpretation("GET", CONFERENCE + "/interpretation/coverage"),
            interpretation("GET", CONFERENCE + "/interpretation/receivers"),

            // The percent-encoded query (a space, then 北京) must reach the service byte for byte.
            notification("GET", "/api/notifications?recipientId=reg%2042&city=%E5%8C%97%E4%BA%AC"),
            notification("GET", "/api/notifications/ntf-1"),
            notification("GET", "/api/notifications/stream?recipientId=reg-42"),
            notification("GET", "/api/notification-preferences/reg-42"),
            notification("PUT", "/api/notification-preferences/reg-42"),
            notification("POST", "/api/webhook-subscriptions"),
            notification("GET", "/api/webhook-subscriptions"),
            notification("DELETE", "/api/webhook-subscriptions/sub-1"),
            notification("GET", "/api/webhook-subscriptions/sub-1/deliveries"));

    private PublicApiEndpoints() {
    }

    private static Endpoint agenda(String method, String pathAndQuery) {
        return new Endpoint(method, pathAndQuery, PlatformService.AGENDA);
    }

    private static Endpoint registration(String method, String pathAndQuery) {
        return new Endpoint(method, pathAndQuery, PlatformService.REGISTRATION);
    }

    private static Endpoint interpretation(String method, String pathAndQuery) {
        return new Endpoint(method, pathAndQuery, PlatformService.INTERPRETATION);
    }

    private static Endpoint notification(String method, String pathAndQuery) {
        return new Endpoint(method, pathAndQuery, PlatformService.NOTIFICATION);
    }
}
