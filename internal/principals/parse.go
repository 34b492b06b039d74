package principals

// Parse adds the directory objects of one export to inv. name is the
// file's name as the user should read it in an error.
// TODO(helper): implement.
func (inv *Inventory) Parse(name string, content []byte) error {
	return nil
}
