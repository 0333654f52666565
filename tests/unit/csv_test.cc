#include "common/csv.h"

#include <gtest/gtest.h>

namespace rollcall {
namespace {

TEST(Csv, ReadsHeaderQuotedFieldsAndLineNumbers) {
  auto doc = CsvDocument::parse(
      "a,b\n1,\"two, with comma\"\n\"multi\nline\",\"say \"\"hi\"\"\"\n3,4\n", "x.csv");
  ASSERT_TRUE(doc.is_ok()) << doc.status().to_string();
  EXPECT_EQ(doc->header(), (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(doc->records().size(), 3u);
  EXPECT_EQ(doc->records()[0].fields[1], "two, with comma");
  EXPECT_EQ(doc->records()[1].fields[0], "multi\nline");
  EXPECT_EQ(doc->records()[1].fields[1], "say \"hi\"");
  EXPECT_EQ(doc->records()[1].line, 3u);
  EXPECT_EQ(doc->records()[2].line, 5u);  // the quoted newline moved it down a line
  EXPECT_EQ(doc->column("b"), 1u);
  EXPECT_FALSE(doc->column("c").has_value());
}

TEST(Csv, AcceptsCrlfAndBomAndSkipsBlankLines) {
  auto doc = CsvDocument::parse(
      "\xEF\xBB\xBF"
      "a,b\r\n1,2\r\n\r\n3,4\r\n",
      "x.csv");
  ASSERT_TRUE(doc.is_ok()) << doc.status().to_string();
  EXPECT_EQ(doc->header()[0], "a");
  ASSERT_EQ(doc->records().size(), 2u);
  EXPECT_EQ(doc->records()[0].fields[1], "2");
  EXPECT_EQ(doc->records()[1].line, 4u);
}

TEST(Csv, EmptyTrailingFieldIsKept) {
  auto doc = CsvDocument::parse("a,b\n1,\n", "x.csv");
  ASSERT_TRUE(doc.is_ok());
  ASSERT_EQ(doc->records()[0].fields.size(), 2u);
  EXPECT_EQ(doc->records()[0].fields[1], "");
}

TEST(Csv, RejectsBareCarriageReturnsNamingTheLine) {
  auto doc = CsvDocument::parse("a,b\r1,2\r", "old-mac.csv");
  ASSERT_FALSE(doc.is_ok());
  EXPECT_EQ(doc.status().message(),
            "old-mac.csv:1: bare CR line ending; convert the file to LF or CRLF line endings");
}

TEST(Csv, RejectsOtherEncodingsNamingTheLine) {
  auto doc = CsvDocument::parse("a,b\n1,2\nM\xFCller,3\n", "latin1.csv");  // ISO-8859-1 u-umlaut
  ASSERT_FALSE(doc.is_ok());
  EXPECT_NE(doc.status().message().find("latin1.csv:3: file is not valid UTF-8"), std::string::npos)
      << doc.status().message();
}

TEST(Csv, RejectsFieldCountMismatchUnterminatedQuoteAndStrayText) {
  EXPECT_EQ(CsvDocument::parse("a,b\n1,2,3\n", "f.csv").status().message(),
            "f.csv:2: expected 2 fields as in the header, found 3");
  EXPECT_EQ(CsvDocument::parse("a,b\n1,\"open\n", "f.csv").status().message(),
            "f.csv:2: unterminated quoted field");
  EXPECT_EQ(CsvDocument::parse("a,b\n\"x\"y,2\n", "f.csv").status().message(),
            "f.csv:2: unexpected text after a closing quote");
  EXPECT_EQ(CsvDocument::parse("", "f.csv").status().message(),
            "f.csv:1: file is empty; expected a header row");
}

TEST(Csv, Utf8ValidatorAcceptsMultibyteAndRejectsOverlongAndSurrogates) {
  EXPECT_EQ(first_invalid_utf8_line("Zoë, Łukasz, 日本, 😀"), 0u);
  EXPECT_EQ(first_invalid_utf8_line("ok\n\xC0\xAF"), 2u);    // overlong '/'
  EXPECT_EQ(first_invalid_utf8_line("\xED\xA0\x80"), 1u);    // UTF-16 surrogate
  EXPECT_EQ(first_invalid_utf8_line("a\nb\n\xE2\x82"), 3u);  // truncated
}

}  // namespace
}  // namespace rollcall
