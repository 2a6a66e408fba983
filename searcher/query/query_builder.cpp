// SPDX-License-Identifier: Apache-2.0
// QueryParser set-up and filter queries.
#include "query_builder.h"

#include <algorithm>
#include <cctype>

#include "podium/core/schema.h"
#include "podium/core/text_fold.h"

namespace podium::search {
namespace {

// Boolean filter fields in the query text; values are lower-cased like the indexed terms.
class LowercaseFilter : public Xapian::FieldProcessor {
 public:
  explicit LowercaseFilter(const char* prefix) : prefix_(prefix) {}
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(schema::filter_term(prefix_, value));
  }

 private:
  const char* prefix_;
};

const char* filter_prefix(const std::string& field) {
  if (field == "lang") return schema::kFilterLanguage;
  if (field == "country") return schema::kFilterCountry;
  if (field == "city") return schema::kFilterCity;
  if (field == "remote") return schema::kFilterRemote;
  if (field == "format") return schema::kFilterFormat;
  if (field == "community") return schema::kFilterCommunity;
  if (field == "topic") return schema::kFilterTopic;
  if (field == "year") return schema::kFilterYear;
  return nullptr;
}

// Common English function words. Kept short on purpose: topic words such as "data" or "python"
// are not stop words even where they are frequent; BM25's idf already weighs them down.
const Xapian::Stopper* english_stop_words() {
  static const char* const kWords[] = {
      "a",    "about", "an",   "and",  "are",  "as",    "at",   "be",   "but",   "by",
      "can",  "do",    "does", "for",  "from", "has",   "have", "how",  "i",     "if",
      "in",   "into",  "is",   "it",   "its",  "me",    "my",   "not",  "of",    "on",
      "or",   "our",   "so",   "that", "the",  "their", "them", "then", "there", "these",
      "this", "to",    "up",   "us",   "was",  "we",    "what", "when", "where", "which",
      "who",  "why",   "will", "with", "you",  "your"};
  // Stoppers are read-only once built, so one may be shared by every thread.
  static const Xapian::SimpleStopper stopper(std::begin(kWords), std::end(kWords));
  return &stopper;
}

bool has_unknown_word(const Xapian::Database& db, const std::string& text) {
  const std::vector<std::string> words = plain_words(text);
  return std::any_of(words.begin(), words.end(), [&db](const std::string& word) {
    return word.size() > 1 && !db.term_exists(word);
  });
}

}  // namespace

bool is_stop_word(const std::string& word) { return (*english_stop_words())(word); }

const Xapian::Stem& english_stemmer() {
  // One per thread: a Xapian::Stem keeps working buffers and must not be shared.
  thread_local const Xapian::Stem stemmer("english");
  return stemmer;
}

Result<ParsedQuery> parse_user_query(const Xapian::Database& db, const std::string& text,
                                     bool drop_stop_words) {
  Xapian::QueryParser parser;
  if (drop_stop_words) parser.set_stopper(english_stop_words());
  parser.set_database(db);
  parser.set_stemmer(english_stemmer());
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_default_op(Xapian::Query::OP_OR);
  parser.add_prefix("title", schema::kTitle);
  parser.add_prefix("abstract", schema::kAbstract);
  parser.add_prefix("topic", schema::kTags);
  parser.add_prefix("tag", schema::kTags);
  parser.add_prefix("bio", schema::kBio);
  parser.add_prefix("headline", schema::kHeadline);
  parser.add_prefix("name", schema::kName);
  parser.add_prefix("event", schema::kEvent);
  parser.add_prefix("transcript", schema::kTranscript);
  for (const char* field : {"lang", "country", "city", "format", "community", "year", "remote"}) {
    parser.add_boolean_prefix(field, (new LowercaseFilter(filter_prefix(field)))->release());
  }
  const unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                         Xapian::QueryParser::FLAG_LOVEHATE;
  ParsedQuery parsed;
  try {
    const std::string folded = fold_accents(text);
    // Xapian may "correct" a word that is in the index to a more frequent neighbour
    // ("store" -> "stores"); only a query with a word the index has never seen is misspelled.
    // So spelling suggestions, a sixth of a search's time when asked for every query, are only
    // asked for such a query: the parse is the same with or without them.
    if (!has_unknown_word(db, folded)) {
      parsed.query = parser.parse_query(folded, flags);
      return parsed;
    }
    parsed.query =
        parser.parse_query(folded, flags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    // Spelling data holds words as written ("zoë"); a suggestion that only restores accents
    // the query already matches through folding is no correction.
    const std::string corrected = parser.get_corrected_query_string();
    if (fold_accents(corrected) != folded) parsed.did_you_mean = corrected;
  } catch (const Xapian::QueryParserError& e) {
    return Status::invalid("cannot parse the query: " + e.get_msg(), "q");
  }
  return parsed;
}

Xapian::Query match_all() { return Xapian::Query(std::string()); }

Result<Xapian::Query> speaker_filter_query(const Filters& filters) {
  std::vector<Xapian::Query> per_field;
  for (const auto& [field, values] : filters) {
    const char* prefix = filter_prefix(field);
    if (prefix == nullptr) return Status::invalid("unknown filter field", field);
    if (values.empty()) continue;
    std::vector<Xapian::Query> alternatives;
    for (const auto& value : values) {
      alternatives.emplace_back(schema::filter_term(prefix, value));
    }
    per_field.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }
  if (per_field.empty()) return match_all();
  return Xapian::Query(Xapian::Query::OP_AND, per_field.begin(), per_field.end());
}

namespace {

bool has_positional_subquery(const Xapian::Query& query) {
  const auto type = query.get_type();
  if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR) return true;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (has_positional_subquery(query.get_subquery(i))) return true;
  }
  return false;
}

}  // namespace

Xapian::Query filtered_query(const Xapian::Query& scored, const Xapian::Query& filter) {
  if (!has_positional_subquery(scored)) {
    return Xapian::Query(Xapian::Query::OP_FILTER, scored, filter);
  }
  return Xapian::Query(Xapian::Query::OP_AND_NOT, scored,
                       Xapian::Query(Xapian::Query::OP_AND_NOT, match_all(), filter));
}

}  // namespace podium::search
