package org.learningcities.gateway.docs;

import java.util.Map;

import org.learningcities.gateway.routing.PlatformService;

/**
 * OpenAPI documents for the stand-in services, shaped as springdoc writes them. Agenda and registration each define
 * {@code Page} their own way and share an identical {@code Listing} that refers to it (written first, so it looks
 * alike until {@code Page} is found to clash); interpretation and
 * notification each define {@code Email} their own way, notification's behind a discriminator; all four define the
 * same {@code ProblemDetail}; {@code list}, {@code get} and {@code create} are operation ids of several services.
 * Agenda also documents paths the gateway does not route to it.
 */
final class StandInApiDocuments {

    static final String PROBLEM_DETAIL = """
            {"type": "object", "properties": {"type": {"type": "string", "format": "uri"},
              "title": {"type": "string"}, "status": {"type": "integer", "format": "int32"},
              "detail": {"type": "string"}, "instance": {"type": "string", "format": "uri"}}}""";

    static final String AGENDA = """
            {"openapi": "3.1.0",
             "info": {"title": "OpenAPI definition", "version": "v0"},
             "servers": [{"url": "http://localhost:8081", "description": "Generated server url"}],
             "tags": [{"name": "conferences", "description": "Conferences and their released programme"}],
             "paths": {
               "/api/conferences": {"get": {"tags": ["conferences"], "operationId": "list",
                 "responses": {"200": {"description": "OK",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}}}}},
               "/api/conferences/{conferenceId}": {"get": {"tags": ["conferences"], "operationId": "get",
                 "parameters": [{"name": "conferenceId", "in": "path", "required": true, "schema": {"type": "string"}}],
                 "responses": {
                   "200": {"description": "OK",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Conference"}}}},
                   "404": {"description": "Not Found",
                     "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}}}}}},
               "/api/conferences/{conferenceId}/rooms": {"get": {"operationId": "rooms",
                 "parameters": [{"name": "conferenceId", "in": "path", "required": true, "schema": {"type": "string"}}],
                 "responses": {"200": {"description": "OK",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Listing"}}}}}}},
               "/actuator/health": {"get": {"operationId": "health", "responses": {"200": {"description": "OK"}}}},
               "/internal/outbox": {"get": {"operationId": "outbox", "responses": {"200": {"description": "OK"}}}}},
             "components": {"schemas": {
               "Conference": {"type": "object", "properties": {"id": {"type": "string"}, "title": {"type": "string"}}},
               "Listing": {"type": "object", "properties": {"page": {"$ref": "#/components/schemas/Page"}}},
               "Page": {"type": "object", "properties": {
                 "content": {"type": "array", "items": {"$ref": "#/components/schemas/Conference"}},
                 "totalElements": {"type": "integer", "format": "int64"}}},
               "ProblemDetail": %s}}}""".formatted(PROBLEM_DETAIL);

    static final String REGISTRATION = """
            {"openapi": "3.1.0",
             "info": {"title": "OpenAPI definition", "version": "v0"},
             "servers": [{"url": "http://localhost:8082", "description": "Generated server url"}],
             "tags": [{"name": "registrations"}, {"name": "conferences", "description": "Registering for a conference"}],
             "paths": {
               "/api/conferences/{conferenceId}/registrations": {
                 "post": {"tags": ["registrations", "conferences"], "operationId": "create",
                   "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Registration"}}},
                     "required": true},
                   "responses": {"201": {"description": "Created",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Registration"}}}}}},
                 "get": {"tags": ["registrations"], "operationId": "list",
                   "responses": {"200": {"description": "OK",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}}}}},
               "/api/registrations/{registrationId}": {"get": {"tags": ["registrations"], "operationId": "get",
                 "responses": {
                   "200": {"description": "OK",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Registration"}}}},
                   "404": {"description": "Not Found",
                     "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}}}}}},
               "/api/conferences/{conferenceId}/delegations": {"get": {"operationId": "delegations",
                 "responses": {"200": {"description": "OK",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Listing"}}}}}}}},
             "components": {"schemas": {
               "Registration": {"type": "object", "required": ["givenName"],
                 "properties": {"givenName": {"type": "string"}, "countryCode": {"type": "string"}}},
               "Page": {"type": "object", "properties": {
                 "content": {"type": "array", "items": {"$ref": "#/components/schemas/Registration"}},
                 "number": {"type": "integer", "format": "int32"}}},
               "Listing": {"type": "object", "properties": {"page": {"$ref": "#/components/schemas/Page"}}},
               "ProblemDetail": %s}}}""".formatted(PROBLEM_DETAIL);

    static final String INTERPRETATION = """
            {"openapi": "3.1.0",
             "info": {"title": "OpenAPI definition", "version": "v0"},
             "paths": {
               "/api/interpreters": {
                 "get": {"operationId": "list", "responses": {"200": {"description": "OK",
                   "content": {"application/json": {"schema": {"type": "array",
                     "items": {"$ref": "#/components/schemas/Interpreter"}}}}}}},
                 "post": {"operationId": "create",
                   "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Interpreter"}}}},
                   "responses": {"201": {"description": "Created"}}}},
               "/api/conferences/{conferenceId}/interpretation/coverage": {"get": {"operationId": "coverage",
                 "responses": {"200": {"description": "OK"},
                   "404": {"description": "Not Found",
                     "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}}}}}}},
             "components": {"schemas": {
               "Interpreter": {"type": "object", "properties": {"name": {"type": "string"},
                 "email": {"$ref": "#/components/schemas/Email"}}},
               "Email": {"type": "string", "format": "email"},
               "ProblemDetail": %s}}}""".formatted(PROBLEM_DETAIL);

    static final String NOTIFICATION = """
            {"openapi": "3.1.0",
             "info": {"title": "OpenAPI definition", "version": "v0"},
             "paths": {
               "/api/notifications": {"get": {"operationId": "list", "responses": {"200": {"description": "OK",
                 "content": {"application/json": {"schema": {"type": "array",
                   "items": {"$ref": "#/components/schemas/Notification"}}}}}}}},
               "/api/webhook-subscriptions": {"post": {"operationId": "subscribe",
                 "responses": {"201": {"description": "Created"},
                   "400": {"description": "Bad Request",
                     "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}}}}}}},
             "components": {"schemas": {
               "Notification": {"type": "object", "properties": {"id": {"type": "string"},
                 "channel": {"$ref": "#/components/schemas/Channel"}}},
               "Channel": {"oneOf": [{"$ref": "#/components/schemas/Email"}, {"$ref": "#/components/schemas/Sms"}],
                 "discriminator": {"propertyName": "type",
                   "mapping": {"EMAIL": "#/components/schemas/Email", "SMS": "#/components/schemas/Sms"}}},
               "Email": {"type": "object", "properties": {"type": {"type": "string"}, "address": {"type": "string"}}},
               "Sms": {"type": "object", "properties": {"type": {"type": "string"}, "number": {"type": "string"}}},
               "ProblemDetail": %s}}}""".formatted(PROBLEM_DETAIL);

    static final Map<PlatformService, String> BY_SERVICE = Map.of(
            PlatformService.AGENDA, AGENDA,
            PlatformService.REGISTRATION, REGISTRATION,
            PlatformService.INTERPRETATION, INTERPRETATION,
            PlatformService.NOTIFICATION, NOTIFICATION);

    private StandInApiDocuments() {
    }
}
