package org.learningcities.registration.registration;

/** Who a delegate is at the conference; drives badges, seating and per-category quotas. */
public enum Category {
    MEMBER_STATE_DELEGATE,
    MAYOR,
    CITY_EDUCATION_EXECUTIVE,
    EXPERT,
    INTERNATIONAL_ORGANISATION,
    NGO,
    PRIVATE_SECTOR,
    OBSERVER,
    PRESS,
    SECRETARIAT
}
