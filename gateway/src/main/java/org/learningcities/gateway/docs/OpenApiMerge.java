package org.learningcities.gateway.docs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.learningcities.gateway.routing.PlatformService;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents into one: each service's paths that the gateway routes to that service
 * (anything else it documents, an actuator or internal endpoint, is not reachable through the gateway), every
 * component and every tag.
 *
 * <p>Components are shared by name across the merged document, so a name two services define differently would send
 * one service's {@code $ref}s to the other's definition. Such a name is prefixed with each defining service's name
 * ({@code registration-service.Page}) and that service's references are rewritten; a component defined alike by
 * several services is kept once. Operation ids must be unique in a document: one that several services use is
 * prefixed the same way. The documents are changed in place.
 */
final class OpenApiMerge {

    /** A service's OpenAPI document, as fetched from the service. */
    record ServiceDocument(PlatformService service, JsonNode document) {
    }

    /** What the services' documents add up to; the caller frames it with info, servers and security. */
    record Merged(ArrayNode tags, ObjectNode paths, ObjectNode components) {
    }

    private static final String COMPONENTS = "#/components/";

    /** The platform declares how callers authenticate; the services' documents declare no scheme of their own. */
    private static final String SECURITY_SCHEMES = "securitySchemes";

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private static final Map<PlatformService, List<PathPattern>> ROUTE_PATTERNS = routePatterns();

    private OpenApiMerge() {
    }

    /** Whether a service's answer is an OpenAPI document at all. */
    static boolean isOpenApiDocument(JsonNode document) {
        return document.path("openapi").isString() && document.path("paths").isObject();
    }

    static Merged merge(List<ServiceDocument> documents) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Map<PlatformService, ObjectNode> pathsByService = new EnumMap<>(PlatformService.class);
        documents.forEach(document -> pathsByService.put(document.service(), routedPaths(document)));
        Map<String, Map<PlatformService, JsonNode>> components = componentsByReference(documents);
        Set<String> clashingComponents = clashing(components);
        Set<String> clashingOperationIds = clashingOperationIds(pathsByService);

        ObjectNode paths = nodes.objectNode();
        pathsByService.forEach((service, servicePaths) -> {
            Map<String, String> renames = renames(service, clashingComponents);
            rewriteReferences(servicePaths, renames);
            prefixOperationIds(service, servicePaths, clashingOperationIds);
            paths.setAll(servicePaths);
        });
        ObjectNode mergedComponents = nodes.objectNode();
        components.forEach((reference, definitions) -> definitions.forEach((service, definition) -> {
            String name = reference.substring(reference.lastIndexOf('/') + 1);
            String section = reference.substring(COMPONENTS.length(), reference.lastIndexOf('/'));
            rewriteReferences(definition, renames(service, clashingComponents));
            mergedComponents.withObjectProperty(section)
                    .set(clashingComponents.contains(reference) ? prefixed(service, name) : name, definition);
        }));
        return new Merged(tags(documents), paths, mergedComponents);
    }

    private static ObjectNode routedPaths(ServiceDocument document) {
        ObjectNode routed = JsonNodeFactory.instance.objectNode();
        document.document().path("paths").properties().stream()
                .filter(path -> ROUTE_PATTERNS.get(document.service()).stream()
                        .anyMatch(pattern -> pattern.matches(PathContainer.parsePath(path.getKey()))))
                .forEach(path -> routed.set(path.getKey(), path.getValue()));
        return routed;
    }

    /** Every component definition, keyed by the reference that points at it, with the services defining it. */
    private static Map<String, Map<PlatformService, JsonNode>> componentsByReference(List<ServiceDocument> documents) {
        Map<String, Map<PlatformService, JsonNode>> components = new LinkedHashMap<>();
        for (ServiceDocument document : documents) {
            document.document().path("components").properties().stream()
                    .filter(section -> !section.getKey().equals(SECURITY_SCHEMES) && section.getValue().isObject())
                    .forEach(section -> section.getValue().properties().forEach(definition -> components
                            .computeIfAbsent(COMPONENTS + section.getKey() + "/" + definition.getKey(),
                                    reference -> new EnumMap<>(PlatformService.class))
                            .put(document.service(), definition.getValue())));
        }
        return components;
    }

    /**
     * References to components that services define differently. Comparing definitions as written is not enough: two
     * services' identical {@code Listing}s differ once each one's {@code $ref} to its own, clashing {@code Page} is
     * rewritten, so clashes are looked for again until renaming finds no more.
     */
    private static Set<String> clashing(Map<String, Map<PlatformService, JsonNode>> components) {
        Set<String> clashing = new HashSet<>();
        boolean found = true;
        while (found) {
            found = false;
            for (Map.Entry<String, Map<PlatformService, JsonNode>> component : components.entrySet()) {
                if (clashing.contains(component.getKey())) {
                    continue;
                }
                long variants = component.getValue().entrySet().stream()
                        .map(definition -> {
                            JsonNode copy = definition.getValue().deepCopy();
                            rewriteReferences(copy, renames(definition.getKey(), clashing));
                            return copy;
                        })
                        .distinct()
                        .count();
                if (variants > 1) {
                    clashing.add(component.getKey());
                    found = true;
                }
            }
        }
        return clashing;
    }

    /** Old reference to new, for the clashing components, as seen from one service's document. */
    private static Map<String, String> renames(PlatformService service, Set<String> clashingComponents) {
        Map<String, String> renames = new HashMap<>();
        for (String reference : clashingComponents) {
            int nameStart = reference.lastIndexOf('/') + 1;
            renames.put(reference, reference.substring(0, nameStart)
                    + prefixed(service, reference.substring(nameStart)));
        }
        return renames;
    }

    private static String prefixed(PlatformService service, String name) {
        return service.serviceName() + "." + name;
    }

    /** {@code $ref}s and discriminator mappings, also those pointing inside a renamed component. */
    private static void rewriteReferences(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            for (String property : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(property);
                if (property.equals("$ref") && value.isString()) {
                    object.put(property, renamed(value.stringValue(), renames));
                } else {
                    rewriteReferences(value, renames);
                }
            }
            if (object.path("discriminator").path("mapping") instanceof ObjectNode mapping) {
                for (String key : List.copyOf(mapping.propertyNames())) {
                    if (mapping.get(key).isString()) {
                        mapping.put(key, renamed(mapping.get(key).stringValue(), renames));
                    }
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteReferences(element, renames));
        }
    }

    private static String renamed(String reference, Map<String, String> renames) {
        if (!reference.startsWith(COMPONENTS)) {
            return reference;
        }
        int sectionEnd = reference.indexOf('/', COMPONENTS.length());
        int nameEnd = sectionEnd < 0 ? -1 : reference.indexOf('/', sectionEnd + 1);
        String component = nameEnd < 0 ? reference : reference.substring(0, nameEnd);
        String renamed = renames.get(component);
        return renamed == null ? reference : renamed + reference.substring(component.length());
    }

    private static Set<String> clashingOperationIds(Map<PlatformService, ObjectNode> pathsByService) {
        Map<String, Set<PlatformService>> users = new HashMap<>();
        pathsByService.forEach((service, paths) -> operations(paths).forEach(operation -> {
            if (operation.path("operationId").isString()) {
                users.computeIfAbsent(operation.get("operationId").stringValue(), id -> new HashSet<>()).add(service);
            }
        }));
        return users.entrySet().stream()
                .filter(id -> id.getValue().size() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static void prefixOperationIds(PlatformService service, ObjectNode paths, Set<String> clashing) {
        operations(paths).forEach(operation -> {
            if (operation.path("operationId").isString()
                    && clashing.contains(operation.get("operationId").stringValue())) {
                operation.put("operationId", prefixed(service, operation.get("operationId").stringValue()));
            }
        });
    }

    private static List<ObjectNode> operations(ObjectNode paths) {
        List<ObjectNode> operations = new ArrayList<>();
        paths.forEach(pathItem -> pathItem.properties().forEach(operation -> {
            if (OPERATIONS.contains(operation.getKey()) && operation.getValue() instanceof ObjectNode object) {
                operations.add(object);
            }
        }));
        return operations;
    }

    /** Every tag once, the first service's description winning. */
    private static ArrayNode tags(List<ServiceDocument> documents) {
        ArrayNode tags = JsonNodeFactory.instance.arrayNode();
        Set<String> names = new HashSet<>();
        documents.forEach(document -> document.document().path("tags").forEach(tag -> {
            if (tag.path("name").isString() && names.add(tag.get("name").stringValue())) {
                tags.add(tag);
            }
        }));
        return tags;
    }

    private static Map<PlatformService, List<PathPattern>> routePatterns() {
        Map<PlatformService, List<PathPattern>> routed = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            routed.put(service, service.apiPathPatterns().stream()
                    .map(PathPatternParser.defaultInstance::parse)
                    .toList());
        }
        return routed;
    }
}
