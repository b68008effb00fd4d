#!/usr/bin/env escript
%%! -noshell
%% An independent Diameter peer for interoperability tests: Erlang/OTP's diameter application
%% acting as a Gy gateway (credit-control client) against our server.
%%
%% Usage: cc_client.escript Host Port WorkDir
%%
%% It compiles the RFC 4006 dictionary shipped with OTP's diameter examples (inheriting the
%% RFC 6733 base dictionary), connects, lets watchdogs run, sends one CCR with
%% Multiple-Services-Credit-Control and a raw 3GPP Service-Information AVP, checks the CCA it
%% decodes, then stops the service (which sends DPR). Every check prints a line; the exit
%% status is 0 only if all passed.
-module(cc_client).
-mode(compile).

-include_lib("diameter/include/diameter.hrl").

-export([main/1, watchdog_timer/0]).
-export([peer_up/3, peer_down/3, pick_peer/4, prepare_request/3, prepare_retransmit/3,
         handle_answer/4, handle_error/4, handle_request/3]).

-define(SVC, gardefou_erlang_peer).
-define(TGPP, 10415).

main([Host, PortText, WorkDir]) ->
    try run(Host, list_to_integer(PortText), WorkDir) of
        ok -> io:format("ERLANG_PEER_OK~n"), halt(0)
    catch
        Class:Reason:Stack ->
            io:format("ERLANG_PEER_FAILED ~p:~p~n~p~n", [Class, Reason, Stack]),
            halt(1)
    end;
main(_) ->
    io:format("usage: cc_client.escript Host Port WorkDir~n"),
    halt(2).

run(Host, Port, WorkDir) ->
    ok = compile_dictionaries(WorkDir),
    ok = diameter:start(),
    ok = diameter:start_service(?SVC, service()),
    true = diameter:subscribe(?SVC),
    {ok, _} = diameter:add_transport(?SVC, transport(Host, Port)),
    check("capabilities exchange (CER/CEA) accepted", wait_up(5000)),
    %% Our first Tw is short, so we send a DWR; later ones are long, so the server sends DWRs
    %% and we answer them. The server side asserts both directions from its own events.
    timer:sleep(2500),
    check("watchdog still okay after DWR/DWA both ways", watchdog_okay()),
    SessionId = diameter:session_id("erlang-gw.test.example"),
    Answer = diameter:call(?SVC, cc, ccr(SessionId), [{timeout, 5000}]),
    check_cca(SessionId, Answer),
    ok = diameter:remove_transport(?SVC, true),
    check("disconnected", wait_down(5000)),
    ok = diameter:stop_service(?SVC),
    ok.

compile_dictionaries(WorkDir) ->
    [DictDir | _] = filelib:wildcard(code:lib_dir(diameter) ++ "/examples/dict"),
    %% The example dictionaries inherit a module named 'common': point them at OTP's
    %% RFC 6733 base dictionary instead.
    Base = {inherits, "common/diameter_gen_base_rfc6733"},
    lists:foreach(
        fun(Name) ->
            Dia = filename:join(DictDir, Name ++ ".dia"),
            ok = diameter_make:codec(Dia, [{outdir, WorkDir}, Base]),
            {ok, Mod} = compile:file(filename:join(WorkDir, Name ++ ".erl"),
                                     [{outdir, WorkDir}, {i, WorkDir}, return_errors]),
            {module, Mod} = code:load_abs(filename:join(WorkDir, Name))
        end,
        ["rfc4005_nas", "rfc4006_cc"]),
    ok.

service() ->
    [{'Origin-Host', "erlang-gw.test.example"},
     {'Origin-Realm', "test.example"},
     {'Vendor-Id', ?TGPP},
     {'Product-Name', "OTP diameter test peer"},
     {'Auth-Application-Id', [4]},
     {'Supported-Vendor-Id', [?TGPP]},
     {decode_format, map},
     {string_decode, false},
     {application, [{alias, cc}, {dictionary, rfc4006_cc}, {module, ?MODULE}]}].

transport(Host, Port) ->
    {connect, [{transport_module, diameter_tcp},
               {transport_config, [{raddr, parse_ip(Host)}, {rport, Port}, {reuseaddr, true}]},
               {watchdog_timer, {?MODULE, watchdog_timer, []}},
               {connect_timer, 1000}]}.

%% First watchdog interval short, the following ones long (see run/3).
watchdog_timer() ->
    N = case get(gardefou_tw) of undefined -> 0; V -> V end,
    put(gardefou_tw, N + 1),
    case N of 0 -> 700; _ -> 10000 end.

parse_ip(Host) ->
    {ok, Ip} = inet:parse_address(Host),
    Ip.

wait_up(Timeout) ->
    receive
        #diameter_event{info = {up, _, _, _, _}} -> true;
        #diameter_event{info = {up, _, _, _}} -> true;
        #diameter_event{} -> wait_up(Timeout)
    after Timeout -> false
    end.

wait_down(Timeout) ->
    receive
        #diameter_event{info = {down, _, _, _}} -> true;
        #diameter_event{} -> wait_down(Timeout)
    after Timeout -> false
    end.

watchdog_okay() ->
    [Info] = [I || I <- diameter:service_info(?SVC, connections)],
    proplists:get_value(watchdog, Info) =/= undefined andalso
        element(3, proplists:get_value(watchdog, Info)) == okay.

%% A 3GPP Service-Information / PS-Information / 3GPP-SGSN-MCC-MNC, hand-encoded: the RFC
%% 4006 dictionary does not know vendor 10415, so it travels as a raw AVP.
service_information() ->
    Mccmnc = avp(18, ?TGPP, <<"20610">>),
    Ps = avp(874, ?TGPP, Mccmnc),
    #diameter_avp{code = 873, vendor_id = ?TGPP, is_mandatory = true, data = Ps}.

avp(Code, Vendor, Data) ->
    Len = 12 + byte_size(Data),
    Pad = (4 - Len rem 4) rem 4,
    <<Code:32, 2#11000000:8, Len:24, Vendor:32, Data/binary, 0:(Pad * 8)>>.

ccr(SessionId) ->
    ['CCR' | #{'Session-Id' => SessionId,
               'Auth-Application-Id' => 4,
               'Service-Context-Id' => "32251@3gpp.org",
               'CC-Request-Type' => 1,
               'CC-Request-Number' => 0,
               'Subscription-Id' => [#{'Subscription-Id-Type' => 0,
                                       'Subscription-Id-Data' => "33612345678"}],
               'Multiple-Services-Indicator' => 1,
               'Multiple-Services-Credit-Control' =>
                   [#{'Requested-Service-Unit' => #{'CC-Total-Octets' => [0]},
                      'Rating-Group' => [10]}],
               'AVP' => [service_information()]}].

check_cca(SessionId, {ok, ['CCA' | Cca]}) ->
    io:format("CCA ~p~n", [Cca]),
    check("CCA Session-Id echoed", maps:get('Session-Id', Cca) == iolist_to_binary(SessionId)),
    check("CCA Result-Code 2001", maps:get('Result-Code', Cca) == 2001),
    check("CCA CC-Request-Type/Number", {maps:get('CC-Request-Type', Cca),
                                          maps:get('CC-Request-Number', Cca)} == {1, 0}),
    check("CCA Origin-Host", maps:get('Origin-Host', Cca) == <<"ocs.garde-fou.example">>),
    [Mscc] = maps:get('Multiple-Services-Credit-Control', Cca),
    check("MSCC Rating-Group 10", maps:get('Rating-Group', Mscc) == [10]),
    check("MSCC Result-Code 2001", maps:get('Result-Code', Mscc) == [2001]),
    check("MSCC Validity-Time 3600", maps:get('Validity-Time', Mscc) == [3600]),
    [Gsu] = maps:get('Granted-Service-Unit', Mscc),
    check("GSU CC-Total-Octets 1000000000", maps:get('CC-Total-Octets', Gsu) == [1000000000]),
    [Fui] = maps:get('Final-Unit-Indication', Mscc),
    check("FUI Final-Unit-Action REDIRECT", maps:get('Final-Unit-Action', Fui) == 1),
    [Server] = maps:get('Redirect-Server', Fui),
    check("Redirect-Server-Address", maps:get('Redirect-Server-Address', Server)
                                     == <<"https://topup.example/consent">>),
    check("Event-Timestamp decoded as a date",
          maps:get('Event-Timestamp', Cca) == [{{2025, 7, 14}, {10, 0, 0}}]);
check_cca(_, Other) ->
    check("CCA received and decoded without errors", Other).

check(Name, true) ->
    io:format("CHECK ok ~s~n", [Name]);
check(Name, Other) ->
    io:format("CHECK FAILED ~s: ~p~n", [Name, Other]),
    error({check_failed, Name}).

%% diameter_app callbacks (client side only: we never receive application requests).
peer_up(_Svc, _Peer, State) -> State.
peer_down(_Svc, _Peer, State) -> State.
pick_peer([Peer | _], _, _Svc, _State) -> {ok, Peer}.
prepare_request(#diameter_packet{msg = ['CCR' | Avps]}, _, {_, Caps}) ->
    #diameter_caps{origin_host = {Oh, _}, origin_realm = {Or, Dr}} = Caps,
    {send, ['CCR' | Avps#{'Origin-Host' => Oh, 'Origin-Realm' => Or, 'Destination-Realm' => Dr}]}.
prepare_retransmit(Pkt, _Svc, _Peer) -> {send, Pkt}.
%% Any decode error in the answer (unknown M-bit AVP, bad length, …) fails the test.
handle_answer(#diameter_packet{msg = Msg, errors = []}, _Req, _Svc, _Peer) -> {ok, Msg};
handle_answer(#diameter_packet{errors = Errors}, _Req, _Svc, _Peer) -> {error, {decode_errors, Errors}}.
handle_error(Reason, _Req, _Svc, _Peer) -> {error, Reason}.
handle_request(_Pkt, _Svc, _Peer) -> {answer_message, 3001}.
