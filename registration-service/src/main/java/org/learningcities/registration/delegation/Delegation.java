package org.learningcities.registration.delegation;

import org.learningcities.registration.country.UnescoRegion;

/** A Member State's delegation to one conference. */
record Delegation(String id, String conferenceId, String countryCode, UnescoRegion region, String name,
                  FocalPoint focalPoint) {
}
