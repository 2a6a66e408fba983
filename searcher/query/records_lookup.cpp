// SPDX-License-Identifier: Apache-2.0
// Lookups by unique term and the community listing search.
#include "records_lookup.h"

#include <algorithm>
#include <optional>

#include "podium/core/schema.h"
#include "podium/core/stored_records.h"

#include "query_builder.h"

namespace podium::search {
namespace {

std::optional<Xapian::Document> find_document(Xapian::Database& db, RecordKind kind,
                                              const std::string& id) {
  const std::string term = schema::unique_term(kind, id);
  Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return std::nullopt;
  return db.get_document(*it);
}

}  // namespace

Result<SpeakerProfile> lookup_speaker(Xapian::Database& db, const std::string& id) {
  auto doc = find_document(db, RecordKind::kSpeaker, id);
  if (!doc) return Status::not_found("no speaker with id '" + id + "'");
  Result<Speaker> speaker = stored_speaker(doc->get_data());
  if (!speaker.is_ok()) return speaker.status();
  SpeakerProfile profile;
  profile.speaker = std::move(speaker).value();
  const std::string term = schema::speaker_term(id);
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    Result<Talk> talk = stored_talk(db.get_document(*it).get_data());
    if (talk.is_ok()) profile.talks.push_back(std::move(talk).value());
  }
  // Newest first; undated talks last; then by title for a stable order.
  std::sort(profile.talks.begin(), profile.talks.end(), [](const Talk& a, const Talk& b) {
    if (a.date != b.date) return a.date > b.date;
    return a.title != b.title ? a.title < b.title : a.id < b.id;
  });
  for (const auto& community_id : profile.speaker.communities) {
    CommunityRef ref{community_id, std::nullopt};
    if (auto community_doc = find_document(db, RecordKind::kCommunity, community_id)) {
      Result<Community> community = stored_community(community_doc->get_data());
      if (community.is_ok()) ref.community = std::move(community).value();
    }
    profile.communities.push_back(std::move(ref));
  }
  return profile;
}

Result<TalkView> lookup_talk(Xapian::Database& db, const std::string& id) {
  auto doc = find_document(db, RecordKind::kTalk, id);
  if (!doc) return Status::not_found("no talk with id '" + id + "'");
  Result<Talk> talk = stored_talk(doc->get_data());
  if (!talk.is_ok()) return talk.status();
  TalkView view;
  view.talk = std::move(talk).value();
  for (const auto& speaker_id : view.talk.speakers) {
    SpeakerRef ref{speaker_id, {}};
    if (auto speaker_doc = find_document(db, RecordKind::kSpeaker, speaker_id)) {
      Result<Speaker> speaker = stored_speaker(speaker_doc->get_data());
      if (speaker.is_ok()) ref.name = speaker->name;
    }
    view.speakers.push_back(std::move(ref));
  }
  return view;
}

Result<CommunityPage> search_communities(Xapian::Database& db, const CommunityRequest& request) {
  std::vector<Xapian::Query> filters{Xapian::Query(schema::kind_term(RecordKind::kCommunity))};
  auto any_of = [&](const char* prefix, const std::vector<std::string>& values) {
    if (values.empty()) return;
    std::vector<Xapian::Query> alternatives;
    for (const auto& value : values) alternatives.emplace_back(schema::filter_term(prefix, value));
    filters.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  };
  any_of(schema::kFilterRegion, request.regions);
  any_of(schema::kFilterTopic, request.topics);
  any_of(schema::kFilterType, request.types);
  if (request.travel_grants) {
    filters.emplace_back(schema::filter_term(schema::kFilterTravelGrants,
                                             *request.travel_grants ? "true" : "false"));
  }
  const Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
  Xapian::Enquire enquire(db);
  const bool browse = request.query.find_first_not_of(" \t\r\n") == std::string::npos;
  if (browse) {
    enquire.set_query(filter);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  } else {
    Result<ParsedQuery> parsed = parse_user_query(db, request.query);
    if (!parsed.is_ok()) return parsed.status();
    enquire.set_query(filtered_query(parsed->query, filter));
  }
  CommunityPage page;
  if (browse) {
    // Listings browse in name order, which is what a directory reader expects.
    const Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
    std::vector<Community> everything;
    for (auto it = all.begin(); it != all.end(); ++it) {
      Result<Community> community = stored_community(it.get_document().get_data());
      if (community.is_ok()) everything.push_back(std::move(community).value());
    }
    std::sort(everything.begin(), everything.end(), [](const Community& a, const Community& b) {
      return a.name != b.name ? a.name < b.name : a.id < b.id;
    });
    page.total = everything.size();
    const auto first = std::min(everything.size(), static_cast<std::size_t>(request.offset));
    const auto last = std::min(everything.size(), first + static_cast<std::size_t>(request.k));
    page.results.assign(std::make_move_iterator(everything.begin() + static_cast<long>(first)),
                        std::make_move_iterator(everything.begin() + static_cast<long>(last)));
    return page;
  }
  const Xapian::MSet mset =
      enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                       static_cast<Xapian::doccount>(request.k), db.get_doccount());
  page.total = mset.get_matches_estimated();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Result<Community> community = stored_community(it.get_document().get_data());
    if (community.is_ok()) page.results.push_back(std::move(community).value());
  }
  return page;
}

IndexStats read_stats(Xapian::Database& db) {
  IndexStats stats;
  stats.speakers = db.get_termfreq(schema::kind_term(RecordKind::kSpeaker));
  stats.talks = db.get_termfreq(schema::kind_term(RecordKind::kTalk));
  stats.communities = db.get_termfreq(schema::kind_term(RecordKind::kCommunity));
  stats.last_commit = db.get_metadata(schema::kMetadataLastCommit);
  // Each shard has its own revision: Xapian gives one only for a single local database.
  try {
    stats.revision = db.size() == 1 ? db.get_revision() : 0;
  } catch (const Xapian::UnimplementedError&) {
    stats.revision = 0;  // a remote database
  }
  return stats;
}

}  // namespace podium::search
