#!/usr/bin/perl
# An SMSC sink for the SMS channel's tests, built on Net::SMPP (an SMPP 3.4 implementation that
# owes nothing to ours), so that what our client puts on the wire is read by someone else.
#
#   smsc-sink.pl PORT [--control DIR] [--password PW] [--status DEST=0xSTATUS ...]
#
# PORT 0 picks a free port. Every event is one JSON line on stdout; the first is
# {"event":"listening","port":N}. Each submit_sm is reported with its data_coding, esm_class,
# short_message in hex, the concatenation UDH fields, and the text as Perl's Encode decodes it.
#
# --password: refuse binds with another password (ESME_RINVPASWD).
# --status:   answer submit_sm to DEST with that command_status instead of a message id.
# --control:  every *.json file that appears in DIR is one order to the sink, then deleted:
#   {"op":"deliver_sm","from":"336…","to":"GARDEFOU","text":"OUI"}  (data_coding 0 or 8 chosen
#        by whether the text fits GSM 03.38; "data_coding" forces it)
#   {"op":"enquire_link"}   {"op":"unbind"}   {"op":"drop"} (closes every connection abruptly)
# SIGUSR1 sends a deliver_sm "OUI" from 33600000000 to every bound client.

use strict;
use warnings;
use Encode qw(decode encode);
use Getopt::Long qw(GetOptionsFromArray);
use IO::Select;
use JSON::PP;
use Net::SMPP;

my @args = @ARGV;
my ($control, $password, %status_for) = (undef, undef);
GetOptionsFromArray(\@args, 'control=s' => \$control, 'password=s' => \$password,
                    'status=s' => \%status_for) or die "bad options\n";
my $port = shift @args;
die "usage: $0 PORT [--control DIR] [--password PW] [--status DEST=STATUS]\n" unless defined $port;

my $json = JSON::PP->new->utf8->canonical;
binmode STDOUT, ':raw';
$| = 1;
sub emit { print $json->encode($_[0]), "\n" }

my $listen = Net::SMPP->new_listen('127.0.0.1', port => $port, async => 1)
  or die "cannot listen on $port: $!\n";
my $select = IO::Select->new($listen);
my %bound;           # fileno => connection, for orders that talk to the ESME
my $message_id = 0;
my $usr1 = 0;
$SIG{USR1} = sub { $usr1 = 1 };
$SIG{TERM} = sub { exit 0 };
$SIG{PIPE} = 'IGNORE';
emit({ event => 'listening', port => $listen->sockport });

while (1) {
  for my $fh ($select->can_read(0.05)) {
    if ($fh == $listen) {
      my $conn = $listen->accept or next;
      $select->add($conn);
      emit({ event => 'connect' });
      next;
    }
    my $pdu = $fh->read_pdu;
    if (!$pdu) { drop($fh, 'disconnect'); next; }
    handle($fh, $pdu);
  }
  run_orders() if defined $control;
  if ($usr1) {
    $usr1 = 0;
    deliver($_, { from => '33600000000', to => 'GARDEFOU', text => 'OUI' }) for values %bound;
  }
}

sub drop {
  my ($fh, $event) = @_;
  $select->remove($fh);
  delete $bound{ fileno($fh) // -1 };
  close $fh;
  emit({ event => $event });
}

sub handle {
  my ($conn, $pdu) = @_;
  my $cmd = $pdu->{cmd};
  if ($cmd == Net::SMPP::CMD_bind_transceiver) {
    my $ok = !defined $password || $pdu->{password} eq $password;
    emit({ event => 'bind', system_id => $pdu->{system_id}, system_type => $pdu->{system_type},
           interface_version => $pdu->{interface_version}, accepted => $ok ? JSON::PP::true : JSON::PP::false });
    $conn->bind_transceiver_resp(seq => $pdu->{seq}, status => $ok ? 0 : 0x0e, system_id => 'perl-sink');
    $bound{ fileno($conn) } = $conn if $ok;
  } elsif ($cmd == Net::SMPP::CMD_submit_sm) {
    my $status = $status_for{ $pdu->{destination_addr} } // 0;
    $status = oct($status) if $status =~ /^0x/i;
    emit(describe_submit($pdu, $status));
    $conn->submit_sm_resp(seq => $pdu->{seq}, status => $status,
                          message_id => $status ? '' : 'sink-' . ++$message_id);
  } elsif ($cmd == Net::SMPP::CMD_enquire_link) {
    emit({ event => 'enquire_link', seq => $pdu->{seq} });
    $conn->enquire_link_resp(seq => $pdu->{seq});
  } elsif ($cmd == Net::SMPP::CMD_unbind) {
    emit({ event => 'unbind' });
    $conn->unbind_resp(seq => $pdu->{seq});
    drop($conn, 'closed');
  } elsif ($cmd == Net::SMPP::CMD_deliver_sm_resp || $cmd == Net::SMPP::CMD_enquire_link_resp
           || $cmd == Net::SMPP::CMD_unbind_resp || $cmd == Net::SMPP::CMD_generic_nack) {
    emit({ event => $pdu->explain_cmd, seq => $pdu->{seq}, status => $pdu->{status} });
  } else {
    emit({ event => 'unexpected', command_id => sprintf('0x%08x', $cmd) });
    $conn->generic_nack(seq => $pdu->{seq}, status => 0x03);
  }
}

sub describe_submit {
  my ($pdu, $status) = @_;
  my $sm = $pdu->{short_message};
  my ($udh, $body) = (undef, $sm);
  if ($pdu->{esm_class} & 0x40) {
    my $udhl = ord(substr($sm, 0, 1));
    $udh = parse_udh(substr($sm, 1, $udhl));
    $body = substr($sm, 1 + $udhl);
  }
  my $dc = $pdu->{data_coding};
  my $text = $dc == 0 ? decode('gsm0338', $body)
           : $dc == 8 ? decode('UTF-16BE', $body)
           : undef;
  return { event => 'submit_sm', seq => $pdu->{seq}, status => $status,
           source_addr => $pdu->{source_addr}, source_addr_ton => $pdu->{source_addr_ton},
           source_addr_npi => $pdu->{source_addr_npi},
           destination_addr => $pdu->{destination_addr}, dest_addr_ton => $pdu->{dest_addr_ton},
           dest_addr_npi => $pdu->{dest_addr_npi}, esm_class => $pdu->{esm_class},
           priority_flag => $pdu->{priority_flag}, data_coding => $dc,
           short_message_hex => unpack('H*', $sm), udh => $udh, text => $text };
}

# Concatenation information elements: 0x00 (8-bit reference) and 0x08 (16-bit reference).
sub parse_udh {
  my ($ies) = @_;
  my %udh = (ies => []);
  while (length $ies >= 2) {
    my ($iei, $len) = unpack 'CC', $ies;
    my $data = substr($ies, 2, $len);
    push @{ $udh{ies} }, sprintf('%02x', $iei);
    if ($iei == 0x00 && $len == 3) { @udh{qw(ref total seq)} = unpack 'CCC', $data; $udh{ref_bits} = 8; }
    if ($iei == 0x08 && $len == 4) { @udh{qw(ref total seq)} = unpack 'nCC', $data; $udh{ref_bits} = 16; }
    $ies = substr($ies, 2 + $len);
  }
  return \%udh;
}

sub run_orders {
  opendir(my $dh, $control) or return;
  my @files = sort grep { /\.json$/ } readdir $dh;
  closedir $dh;
  for my $file (@files) {
    my $path = "$control/$file";
    open(my $fh, '<:raw', $path) or next;
    my $order = eval { local $/; $json->decode(<$fh>) };
    close $fh;
    unlink $path;
    if (!$order) { emit({ event => 'bad_order', file => $file }); next; }
    my $op = $order->{op} // '';
    my @conns = values %bound;
    if ($op eq 'deliver_sm') { deliver($_, $order) for @conns; }
    elsif ($op eq 'enquire_link') { emit({ event => 'enquire_link_sent', seq => $_->enquire_link(async => 1) }) for @conns; }
    elsif ($op eq 'unbind') { emit({ event => 'unbind_sent', seq => $_->unbind(async => 1) }) for @conns; }
    elsif ($op eq 'drop') { drop($_, 'dropped') for grep { $_ != $listen } $select->handles; }
    else { emit({ event => 'bad_order', file => $file }); }
  }
}

sub deliver {
  my ($conn, $order) = @_;
  my $text = $order->{text};
  my $dc = $order->{data_coding};
  if (!defined $dc) {
    my $probe = encode('gsm0338', $text, sub { '' });
    $dc = decode('gsm0338', $probe) eq $text ? 0 : 8;
  }
  my $sm = $dc == 0 ? encode('gsm0338', $text) : encode('UTF-16BE', $text);
  my $seq = $conn->deliver_sm(async => 1, source_addr_ton => 1, source_addr_npi => 1,
                              source_addr => $order->{from}, dest_addr_ton => 5,
                              destination_addr => $order->{to}, data_coding => $dc,
                              esm_class => $order->{esm_class} // 0, short_message => $sm);
  emit({ event => 'deliver_sm_sent', seq => $seq, data_coding => $dc });
}
