// Package diff compares two versions of the same onboarding deployments and
// says what changes in who can do what, where: the managing tenant, the
// delegated scope, each principal's permanent and eligible roles, the roles
// a User Access Administrator may assign, the just-in-time policies, and
// the offer's name and description. lhlint diff prints the result with
// internal/report.
//
// Both sides are model deployments, which the ARM and Bicep front-ends
// build alike, so one comparison serves both languages. A value lhlint
// cannot evaluate is compared by why it is not known: two unknowns for the
// same reason are the same expression; a known value that becomes unknown
// is a change, and one that may gain privilege is marked as an elevation,
// since lhlint cannot show that it does not.
package diff
