// Package principals reads a directory export of the managing tenant, so
// that rules can tell which kind of Microsoft Entra object each principal
// ID of a template is: a security group, a Microsoft 365 group, a user, a
// service principal or an application.
//
// An export is Microsoft Graph JSON ({"value": [...]} with @odata.type on
// each item) or the output of az ad group|sp|user list (a JSON array, with
// @odata.type often missing, or the objectType and objectId of older az
// versions). The CLI reads the files of --principals into one Inventory; the
// inventory rules look principal IDs up in it.
package principals
