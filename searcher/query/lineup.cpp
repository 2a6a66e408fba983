// SPDX-License-Identifier: Apache-2.0
// Lineup recommendation (RANKING.md §4.1): the event text is a query; its best-matching talks
// give the subtopics (their tags, weighted by match strength) and, through Xapian's expand set,
// more key words; the speaker search ranks candidates; xQuAD picks speakers who together cover
// the subtopics; the diversity re-ranker of the search then applies the requested minimums and
// spread under the same consent rules. Community listings are matched on the same words.
#include "lineup.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "podium/core/format_tags.h"
#include "podium/core/schema.h"
#include "podium/core/stored_records.h"
#include "podium/core/text_fold.h"

#include "content_terms.h"
#include "diversity_search.h"
#include "evidence.h"
#include "query_builder.h"
#include "speaker_search.h"

namespace podium::search {
namespace {

constexpr std::size_t kEventWords = 40;
constexpr Xapian::doccount kTalkDepth = 100;
constexpr Xapian::termcount kFeedbackTalks = 10;
constexpr Xapian::termcount kExpansionWords = 15;
constexpr std::size_t kSubtopicTalks = 30;
constexpr std::size_t kMaxSubtopics = 8;
constexpr std::size_t kEvidencePerSpeaker = 2;

// Words every call for papers has; they say nothing about the topics.
constexpr const char* kEventBoilerplate[] = {
    "talk",    "talks",    "speaker", "speakers",   "event",    "events",    "conference",
    "session", "sessions", "submit",  "submission", "proposal", "proposals", "cfp",
    "call",    "deadline", "welcome", "join",       "looking",  "want",      "day",
    "days",    "track",    "tracks",  "attendees",  "audience", "also",      "all",
    "more",    "most",     "one",     "some",       "than",     "been",      "were",
    "would",   "should",   "please",  "including",  "topics",   "topic",     "about"};

bool is_boilerplate(const std::string& word) {
  return std::find(std::begin(kEventBoilerplate), std::end(kEventBoilerplate), word) !=
         std::end(kEventBoilerplate);
}

bool is_plain_word(const std::string& term) {
  return !term.empty() && std::all_of(term.begin(), term.end(), [](unsigned char c) {
    return std::islower(c) || std::isdigit(c) || c >= 0x80;
  });
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Whether every word of `label` is one of `words` (a tag the event text names itself).
bool named_in(const std::string& label, const std::set<std::string>& words) {
  std::string word;
  bool any = false;
  for (std::size_t i = 0; i <= label.size(); ++i) {
    const auto c = i < label.size() ? static_cast<unsigned char>(label[i]) : ' ';
    if (std::isalnum(c) || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      if (!words.count(word)) return false;
      any = true;
      word.clear();
    }
  }
  return any;
}

struct TalkTags {
  Xapian::docid docid = 0;
  std::string id;
  double weight = 0;  // normalised to the best talk
  std::set<std::string> tags;
};

std::vector<Subtopic> find_subtopics(const std::vector<TalkTags>& talks,
                                     const std::set<std::string>& event_words) {
  std::map<std::string, Subtopic> by_label;
  for (const auto& talk : talks) {
    for (const auto& tag : talk.tags) {
      if (is_format_tag(tag)) continue;  // "workshop" says how a talk was given, not what about
      Subtopic& s = by_label[tag];
      s.label = tag;
      s.weight += talk.weight;
      if (s.talk_ids.size() < 3) s.talk_ids.push_back(talk.id);
    }
  }
  std::vector<Subtopic> out;
  for (auto& [label, s] : by_label) {
    // A subtopic the organiser wrote down counts double: it is asked for, not inferred.
    if (named_in(label, event_words)) s.weight *= 2;
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const Subtopic& a, const Subtopic& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.label < b.label;
  });
  if (out.size() > kMaxSubtopics) out.resize(kMaxSubtopics);
  double total = 0;
  for (const auto& s : out) total += s.weight;
  for (auto& s : out) s.weight = total > 0 ? s.weight / total : 0;
  return out;
}

std::vector<CommunitySuggestion> suggest_communities(const Xapian::Database& db,
                                                     const Xapian::Query& words,
                                                     const std::vector<Subtopic>& subtopics,
                                                     const std::set<std::string>& event_terms,
                                                     int limit) {
  std::vector<CommunitySuggestion> out;
  if (limit <= 0) return out;
  std::vector<Xapian::Query> alternatives{words};
  for (const auto& s : subtopics) {
    // Each subtopic as its tag words, so a listing with that topic matches even when the event
    // text used other words for it.
    Result<ParsedQuery> parsed = parse_user_query(db, s.label);
    if (parsed.is_ok() && !parsed->query.empty()) alternatives.push_back(parsed->query);
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(
      filtered_query(Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()),
                     Xapian::Query(schema::kind_term(RecordKind::kCommunity))));
  const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Result<Community> community = stored_community(it.get_document().get_data());
    if (!community.is_ok()) continue;
    CommunitySuggestion suggestion;
    suggestion.community = std::move(community).value();
    for (const auto& topic : suggestion.community.topics) {
      const std::string t = ascii_lower(topic);
      const bool subtopic = std::any_of(subtopics.begin(), subtopics.end(),
                                        [&](const Subtopic& s) { return s.label == t; });
      if (subtopic || named_in(t, event_terms)) suggestion.matched_topics.push_back(topic);
    }
    for (const auto& region : suggestion.community.regions) {
      if (named_in(ascii_lower(region), event_terms)) suggestion.matched_regions.push_back(region);
    }
    out.push_back(std::move(suggestion));
  }
  return out;
}

}  // namespace

std::vector<std::string> event_words(const Xapian::Database& db, const std::string& text,
                                     std::size_t limit) {
  Xapian::Document scratch;
  Xapian::TermGenerator generator;
  generator.set_document(scratch);
  generator.index_text_without_positions(text);
  const double docs = std::max<double>(1, db.get_doccount());
  std::vector<std::pair<double, std::string>> scored;
  for (auto it = scratch.termlist_begin(); it != scratch.termlist_end(); ++it) {
    const std::string word = *it;
    if (word.size() < 2 || !is_plain_word(word) || is_stop_word(word) || is_boilerplate(word)) {
      continue;
    }
    const Xapian::doccount df = db.get_termfreq(word);
    if (df == 0) continue;
    scored.emplace_back(static_cast<double>(it.get_wdf()) * std::log(1 + docs / df), word);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) out.push_back(scored[i].second);
  return out;
}

Result<LineupResponse> recommend_lineup(Xapian::Database& db, const LineupRequest& request,
                                        const Synonyms& synonyms, bool remote) {
  const std::vector<std::string> words = event_words(db, request.event, kEventWords);
  if (words.empty()) {
    return Status::invalid(kNoEventWordsMessage, "event");
  }
  Result<Xapian::Query> filter = speaker_filter_query(request.filters);
  if (!filter.is_ok()) return filter.status();
  Result<ParsedQuery> parsed = parse_user_query(db, joined(words));
  if (!parsed.is_ok()) return Status::invalid(parsed.status().message(), "event");
  const Xapian::Query& query = parsed->query;
  const std::set<std::string> word_set(words.begin(), words.end());

  LineupResponse response;
  response.terms = words;

  // The talks that best match the event: subtopics, expansion words, evidence.
  Xapian::Enquire talks(db);
  talks.set_query(filtered_query(query, Xapian::Query(schema::kind_term(RecordKind::kTalk))));
  talks.set_weighting_scheme(Xapian::BM25Weight(1.0, 0, 1, 0.5, 0.5));
  const Xapian::MSet talk_mset = talks.get_mset(0, kTalkDepth);
  std::vector<TalkTags> top_talks;
  std::map<std::string, std::vector<Xapian::docid>> matched_talks;  // speaker id -> talks
  Xapian::RSet feedback;
  const double talk_max = talk_mset.empty() ? 1.0 : talk_mset.get_max_attained();
  for (auto it = talk_mset.begin(); it != talk_mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    if (top_talks.size() < kSubtopicTalks) {
      TalkTags t{*it, doc.get_value(schema::kSlotId), it.get_weight() / talk_max, {}};
      Result<Talk> talk = stored_talk(doc.get_data());
      if (talk.is_ok()) {
        for (const auto& tag : talk->tags) t.tags.insert(ascii_lower(tag));
      }
      top_talks.push_back(std::move(t));
    }
    if (feedback.size() < kFeedbackTalks) feedback.add_document(*it);
    for (const std::string& speaker :
         schema::split_speakers(doc.get_value(schema::kSlotSpeakers))) {
      matched_talks[speaker].push_back(*it);
    }
  }
  if (!feedback.empty()) {
    const ContentWordDecider content(db);
    const Xapian::ESet eset = talks.get_eset(kExpansionWords, feedback, &content);
    for (auto it = eset.begin(); it != eset.end(); ++it) {
      if (!word_set.count(*it)) response.terms.push_back(*it);
    }
  }
  response.subtopics = find_subtopics(top_talks, word_set);

  // Candidates: the speaker search's ranking of the event words, under the request's filters.
  SearchRequest search;
  search.query = joined(words);
  search.k = static_cast<int>(kDiversityPool);
  search.filters = request.filters;
  search.with_evidence = false;
  Result<SearchResponse> found = search_speakers(db, search, synonyms);
  if (!found.is_ok()) return found.status();
  const std::vector<SpeakerHit>& hits = found->results;
  response.candidates = hits.size();

  std::map<std::string, std::size_t> subtopic_index;
  for (std::size_t t = 0; t < response.subtopics.size(); ++t) {
    subtopic_index[response.subtopics[t].label] = t;
  }
  std::vector<double> weights;
  for (const auto& s : response.subtopics) weights.push_back(s.weight);
  const double top_score = hits.empty() ? 1.0 : std::max(hits.front().score, 1e-9);
  std::vector<double> relevance;
  std::vector<std::vector<std::size_t>> covers;
  std::vector<Xapian::docid> profiles;
  for (const auto& hit : hits) {
    relevance.push_back(hit.score / top_score);
    profiles.push_back(speaker_docid(db, hit.speaker.id));
    std::vector<std::size_t> covered;
    for (const auto& topic : speaker_topics(db, profiles.back(), hit.speaker.id)) {
      if (auto it = subtopic_index.find(topic); it != subtopic_index.end()) {
        covered.push_back(it->second);
      }
    }
    std::sort(covered.begin(), covered.end());
    covers.push_back(std::move(covered));
  }
  const std::vector<CoverageChoice> chosen =
      select_by_coverage(relevance, covers, weights, hits.size(), request.coverage_lambda);

  std::vector<std::size_t> order;
  for (const auto& c : chosen) order.push_back(c.index);
  if (request.diversity && !chosen.empty()) {
    // The re-ranker takes a best-first list with relevance scores; the coverage objective is
    // that score, kept non-increasing so its relevance band follows the coverage order.
    std::vector<RankedSpeaker> ranked;
    double previous = chosen.front().objective;
    for (const auto& c : chosen) {
      previous = std::min(previous, c.objective);
      RankedSpeaker r{profiles[c.index], std::max(previous, 0.0), {}};
      if (auto it = matched_talks.find(hits[c.index].speaker.id); it != matched_talks.end()) {
        r.talk_docids = it->second;
      }
      ranked.push_back(std::move(r));
    }
    SearchRequest rerank;
    rerank.diversity = request.diversity;
    rerank.seed = request.seed;
    rerank.k = request.size;
    response.diversity.emplace();
    const std::vector<std::size_t> permutation =
        diversify_ranked(db, rerank, ranked, *response.diversity, remote);
    std::vector<std::size_t> reordered;
    for (std::size_t p : permutation) reordered.push_back(order[p]);
    order = std::move(reordered);
  }

  std::vector<std::string> members;
  for (std::size_t p = 0; p < order.size() && p < static_cast<std::size_t>(request.size); ++p) {
    members.push_back(hits[order[p]].speaker.id);
  }
  const std::map<std::string, std::vector<Xapian::docid>> best_talks =
      best_matching_talks(db, query, members, kEvidencePerSpeaker, remote);
  std::set<std::size_t> covered_so_far;
  for (std::size_t p = 0; p < order.size() && p < static_cast<std::size_t>(request.size); ++p) {
    const std::size_t i = order[p];
    LineupSpeaker member;
    member.speaker = hits[i].speaker;
    member.relevance = relevance[i];
    member.talk_count = hits[i].talk_count;
    for (std::size_t t : covers[i]) {
      member.subtopics.push_back(response.subtopics[t].label);
      if (covered_so_far.insert(t).second) {
        member.new_subtopics.push_back(response.subtopics[t].label);
      }
    }
    const auto member_talks = best_talks.find(member.speaker.id);
    member.evidence = collect_evidence(
        db, talk_mset, member.speaker, kEvidencePerSpeaker,
        member_talks == best_talks.end() ? std::vector<Xapian::docid>{} : member_talks->second);
    response.lineup.push_back(std::move(member));
  }

  std::vector<Xapian::Query> expansion;
  for (std::size_t w = words.size(); w < response.terms.size(); ++w) {
    expansion.emplace_back(response.terms[w]);
  }
  Xapian::Query community_words = query;
  if (!expansion.empty()) {
    community_words = Xapian::Query(
        Xapian::Query::OP_OR, query,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                      Xapian::Query(Xapian::Query::OP_OR, expansion.begin(), expansion.end()),
                      0.3));
  }
  response.communities =
      suggest_communities(db, community_words, response.subtopics, word_set, request.communities);
  return response;
}

}  // namespace podium::search
