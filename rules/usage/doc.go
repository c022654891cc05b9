// Package usage holds the usage rules: the collocations, agreements and
// word forms Arabic copy editors correct every day and that need no parser
// (سوف لن، سبق وأن، لوحده، الثلاثينات، ثلاثة عشرة، الثانية عشر، ثلاث
// أيام). Each rule names the reference that treats its point in its
// documentation, and every rule stays silent in verse and in quotations of
// another language (quiet.go).
package usage
