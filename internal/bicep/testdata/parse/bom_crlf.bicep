param crlf string

var x = crlf
