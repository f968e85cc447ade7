#!/usr/bin/env perl
# Prints every style attribute and inline event handler (on…=) in the HTML files given, one line
# each (`file: <tag> name`), and exits 1 when there is one: a strict CSP blocks both. Tags are read
# as the HTML tokenizer reads them: attributes may be separated by any HTML white space (space, tab,
# newline, form feed, carriage return) or `/`, names are case-insensitive, quoted values may hold
# `>`; comments and the contents of script, style, title and textarea elements are not markup.
use strict;
use warnings;

my $found = 0;
for my $file (@ARGV) {
  open my $fh, '<', $file or die "inline-attributes: $file: $!\n";
  my $html = do { local $/; <$fh> };
  $html =~ s{<!--.*?(?:-->|\z)}{}gs;
  $html =~ s{(<(script|style|title|textarea)\b(?:[^>"']|"[^"]*"|'[^']*')*>).*?(?=</\2[\t\n\f\r />])}{$1}gis;
  while ($html =~ m{<([a-zA-Z][^\t\n\f\r />]*)((?:[^>"']|"[^"]*"|'[^']*')*)>}g) {
    my ($tag, $attributes) = ($1, $2);
    while ($attributes =~ m{([^\t\n\f\r />"'=][^\t\n\f\r />=]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"|'[^']*'|[^\t\n\f\r >]*))?}g) {
      my $name = lc $1;
      next unless $name eq 'style' || $name =~ /^on/;
      print "$file: <$tag> $name\n";
      $found = 1;
    }
  }
}
exit $found;
