#!/usr/bin/env escript
%%! -noshell
%% An independent Gy gateway for interoperability tests: Erlang/OTP's diameter application,
%% with OTP's own RFC 6733 and RFC 4006 dictionaries, runs one data session against the
%% Garde-fou charging server: CCR-I, CCR-U with used units, CCR-T.
%%
%% Usage: gy_session.escript Host Port WorkDir Msisdn
%%
%% For each answer it prints "ANSWER <type> <result> <mscc result> <granted octets> <vqt>"
%% ("none" when absent), so that the calling test checks the numbers; every decoding problem in
%% an answer fails the run. 3GPP AVPs are unknown to the RFC 4006 dictionary: they travel as
%% raw AVPs (Service-Information in the request, Volume-Quota-Threshold in the answer), and
%% strict_mbit is off so that OTP hands us the M-bit 3GPP AVPs instead of rejecting them.
-module(gy_session).
-mode(compile).

-include_lib("diameter/include/diameter.hrl").

-export([main/1]).
-export([peer_up/3, peer_down/3, pick_peer/4, prepare_request/3, prepare_retransmit/3,
         handle_answer/4, handle_error/4, handle_request/3]).

-define(SVC, gardefou_gy_session).
-define(TGPP, 10415).
-define(MIB2, 2097152).

main([Host, PortText, WorkDir, Msisdn]) ->
    try run(Host, list_to_integer(PortText), WorkDir, Msisdn) of
        ok -> io:format("GY_SESSION_OK~n"), halt(0)
    catch
        Class:Reason:Stack ->
            io:format("GY_SESSION_FAILED ~p:~p~n~p~n", [Class, Reason, Stack]),
            halt(1)
    end;
main(_) ->
    io:format("usage: gy_session.escript Host Port WorkDir Msisdn~n"),
    halt(2).

run(Host, Port, WorkDir, Msisdn) ->
    ok = compile_dictionaries(WorkDir),
    ok = diameter:start(),
    ok = diameter:start_service(?SVC, service()),
    true = diameter:subscribe(?SVC),
    {ok, _} = diameter:add_transport(?SVC, transport(Host, Port)),
    true = wait_up(5000),
    Sid = diameter:session_id("erlang-pgw.test.example"),
    report(1, call(ccr(Sid, 1, 0, Msisdn, undefined, true))),
    report(2, call(ccr(Sid, 2, 1, Msisdn, ?MIB2, true))),
    report(3, call(ccr(Sid, 3, 2, Msisdn, 1024, false))),
    ok = diameter:remove_transport(?SVC, true),
    ok = diameter:stop_service(?SVC),
    ok.

call(Request) ->
    case diameter:call(?SVC, cc, Request, [{timeout, 5000}]) of
        {ok, ['CCA' | Cca]} -> Cca;
        Other -> error({no_cca, Other})
    end.

compile_dictionaries(WorkDir) ->
    [DictDir | _] = filelib:wildcard(code:lib_dir(diameter) ++ "/examples/dict"),
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
    [{'Origin-Host', "erlang-pgw.test.example"},
     {'Origin-Realm', "test.example"},
     {'Vendor-Id', ?TGPP},
     {'Product-Name', "OTP diameter Gy session"},
     {'Auth-Application-Id', [4]},
     {'Supported-Vendor-Id', [?TGPP]},
     {decode_format, map},
     {string_decode, false},
     {strict_mbit, false},
     {application, [{alias, cc}, {dictionary, rfc4006_cc}, {module, ?MODULE}]}].

transport(Host, Port) ->
    {ok, Ip} = inet:parse_address(Host),
    {connect, [{transport_module, diameter_tcp},
               {transport_config, [{raddr, Ip}, {rport, Port}, {reuseaddr, true}]},
               {connect_timer, 1000}]}.

wait_up(Timeout) ->
    receive
        #diameter_event{info = {up, _, _, _, _}} -> true;
        #diameter_event{info = {up, _, _, _}} -> true;
        #diameter_event{} -> wait_up(Timeout)
    after Timeout -> false
    end.

raw(Code, Vendor, Data) ->
    Len = 12 + byte_size(Data),
    Pad = (4 - Len rem 4) rem 4,
    <<Code:32, 2#11000000:8, Len:24, Vendor:32, Data/binary, 0:(Pad * 8)>>.

%% Service-Information / PS-Information / 3GPP-SGSN-MCC-MNC = 20610: a Belgian network.
service_information() ->
    #diameter_avp{code = 873, vendor_id = ?TGPP, is_mandatory = true,
                  data = raw(874, ?TGPP, raw(18, ?TGPP, <<"20610">>))}.

ccr(Sid, Type, Number, Msisdn, Used, Requested) ->
    Mscc0 = #{'Rating-Group' => [10]},
    Mscc1 = case Requested of true -> Mscc0#{'Requested-Service-Unit' => #{}}; false -> Mscc0 end,
    Mscc = case Used of
               undefined -> Mscc1;
               N -> Mscc1#{'Used-Service-Unit' => [#{'CC-Total-Octets' => [N]}]}
           end,
    ['CCR' | #{'Session-Id' => Sid,
               'Auth-Application-Id' => 4,
               'Service-Context-Id' => "32251@3gpp.org",
               'CC-Request-Type' => Type,
               'CC-Request-Number' => Number,
               'Event-Timestamp' => [{{2009, 10, 12}, {10, 0, Number}}],
               'Subscription-Id' => [#{'Subscription-Id-Type' => 0,
                                       'Subscription-Id-Data' => Msisdn}],
               'Multiple-Services-Indicator' => 1,
               'Multiple-Services-Credit-Control' => [Mscc],
               'AVP' => [service_information()]}].

opt([V]) -> V;
opt(V) when is_integer(V) -> V;
opt(_) -> none.

vqt(Avps) ->
    case [D || #diameter_avp{code = 869, vendor_id = ?TGPP, data = D} <- Avps] of
        [<<V:32>>] -> V;
        _ -> none
    end.

report(Type, Cca) ->
    Type = maps:get('CC-Request-Type', Cca),
    Result = maps:get('Result-Code', Cca),
    case maps:get('Multiple-Services-Credit-Control', Cca, []) of
        [Mscc | _] ->
            Granted = case maps:get('Granted-Service-Unit', Mscc, []) of
                          [Gsu] -> opt(maps:get('CC-Total-Octets', Gsu, []));
                          _ -> none
                      end,
            io:format("ANSWER ~p ~p ~p ~p ~p~n",
                      [Type, opt(Result), opt(maps:get('Result-Code', Mscc, [])), Granted,
                       vqt(maps:get('AVP', Mscc, []))]);
        [] ->
            io:format("ANSWER ~p ~p none none none~n", [Type, opt(Result)])
    end.

peer_up(_Svc, _Peer, State) -> State.
peer_down(_Svc, _Peer, State) -> State.
pick_peer([Peer | _], _, _Svc, _State) -> {ok, Peer}.
prepare_request(#diameter_packet{msg = ['CCR' | Avps]}, _, {_, Caps}) ->
    #diameter_caps{origin_host = {Oh, _}, origin_realm = {Or, Dr}} = Caps,
    {send, ['CCR' | Avps#{'Origin-Host' => Oh, 'Origin-Realm' => Or, 'Destination-Realm' => Dr}]}.
prepare_retransmit(Pkt, _Svc, _Peer) -> {send, Pkt}.
handle_answer(#diameter_packet{msg = Msg, errors = []}, _Req, _Svc, _Peer) -> {ok, Msg};
handle_answer(#diameter_packet{errors = Errors}, _Req, _Svc, _Peer) -> {error, {decode_errors, Errors}}.
handle_error(Reason, _Req, _Svc, _Peer) -> {error, Reason}.
handle_request(_Pkt, _Svc, _Peer) -> {answer_message, 3001}.
