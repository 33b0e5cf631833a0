package org.learningcities.registration.registration;

import org.learningcities.registration.country.UnescoRegion;

/** The secretariat's filters; null means "any". */
record RegistrationSearch(String conferenceId, RegistrationStatus status, Category category, String countryCode,
                          UnescoRegion region, String delegationId, int page, int size) {
}
